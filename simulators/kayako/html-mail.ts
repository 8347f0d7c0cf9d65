import type { Random } from "../shared/random";

/**
 * A requester's e-mail as a mail client's HTML part, the way Kayako keeps it when a ticket comes in by e-mail
 * (a post with `<ishtml>1</ishtml>`, kayako-notes §4.3): a head with styles, paragraphs, `<br>` for line
 * breaks, escaped text, `&nbsp;` and the client's own markup. Which e-mails come as HTML is our guess (the
 * documents do not say): the console must read both.
 */
export function asHtmlMail(text: string, random: Random): string {
  const escapeHtml = (value: string) =>
    value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const paragraphs = text
    .split(/\n{2,}/)
    .map((paragraph) => `<p class="MsoNormal">${paragraph.split("\n").map(escapeHtml).join("<br>\n")}</p>`);
  const client = random.pick([
    { head: '<style type="text/css">p.MsoNormal { margin: 0; font-family: Calibri; }</style>', mark: "" },
    { head: '<meta name="Generator" content="Microsoft Word 15">', mark: "<o:p>&nbsp;</o:p>" },
    {
      head: "<title>Support request</title>",
      mark: '<div class="signature">--&nbsp;<br>Sent from my phone</div>',
    },
  ]);
  return ["<html><head>", client.head, "</head><body>", ...paragraphs, client.mark, "</body></html>"].join(
    "\n",
  );
}
