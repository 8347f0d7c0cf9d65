import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeEntities, htmlToText } from "./html-to-text";

/** Anything that would still be markup in the output. */
const MARKUP = /[<]/;

describe("htmlToText", () => {
  it("turns paragraphs, divs and <br> into line breaks", () => {
    expect(
      htmlToText("<p>Hello,</p><p>the printer is down.<br>Since <b>Monday</b>.</p><div>Anna</div>"),
    ).toBe("Hello,\n\nthe printer is down.\nSince Monday.\n\nAnna");
  });

  it("collapses source whitespace as a browser does, and keeps it inside <pre>", () => {
    expect(htmlToText("<p>  one\n   two\t three  </p>")).toBe("one two three");
    expect(htmlToText("<p>log:</p><pre>line 1\n  indented</pre>")).toBe("log:\n\nline 1\n  indented");
  });

  it("writes list items as bullets, nested lists indented and ordered lists numbered", () => {
    const html =
      "<p>Steps:</p><ul><li>Restart<li>Check the cable<ul><li>green LED</li><li>amber LED</li></ul></li><li>Call us</li></ul>" +
      "<ol><li>first</li><li>second</li></ol>";
    expect(htmlToText(html)).toBe(
      "Steps:\n\n• Restart\n• Check the cable\n  • green LED\n  • amber LED\n• Call us\n\n1. first\n2. second",
    );
  });

  it("decodes entities: named, decimal, hex, and &nbsp; as a space", () => {
    expect(htmlToText("Fish &amp; chips&nbsp;&nbsp;for &quot;Anna&quot; &#8211; &#x20AC;5 &hellip;")).toBe(
      'Fish & chips  for "Anna" – €5 …',
    );
    // Unknown names stay as written; an escaped tag is text the author typed, not markup.
    expect(decodeEntities("&bogus; &lt;b&gt; &constructor;")).toBe("&bogus; <b> &constructor;");
  });

  it("drops script and style with their content, comments and the head", () => {
    const html =
      "<html><head><title>Mail</title><style>p { color: red }</style></head><body>" +
      "<!-- tracking --><p>Hi</p><script>alert('x')</script><SCRIPT type=text/javascript>steal()</SCRIPT >" +
      "<p>Bye</p></body></html>";
    expect(htmlToText(html)).toBe("Hi\n\nBye");
  });

  it("drops everything after a script that is never closed", () => {
    expect(htmlToText("<p>Visible</p><script>document.write('<p>hidden</p>')")).toBe("Visible");
  });

  it("reads a > inside a quoted attribute as part of the tag", () => {
    expect(htmlToText(`<a title="a > b" href='x>y' onclick="go()">link</a> after`)).toBe("link after");
    expect(htmlToText(`<img alt=">" src=x onerror="alert(1)">text`)).toBe("text");
  });

  it("copes with unclosed tags, a tag cut off at the end and a lone <", () => {
    expect(htmlToText("<p>one<p>two<div>three")).toBe("one\n\ntwo\nthree");
    expect(htmlToText('a < b and 3<4 <span class="x')).toBe("a < b and 3<4");
    expect(htmlToText('<p>open quote <a href="never closed>here</a></p>')).toBe("open quote");
  });

  it("separates table cells and rows", () => {
    expect(
      htmlToText("<table><tr><th>Room</th><th>Code</th></tr><tr><td>101</td><td>AB12</td></tr></table>"),
    ).toBe("Room\tCode\n101\tAB12");
  });

  it("leaves no tag in the output of arbitrary markup", () => {
    const pieces = fc.constantFrom(
      "<p>",
      "</p>",
      "<br/>",
      "<li>",
      "<ul>",
      "</ul>",
      "<script>",
      "</script>",
      "<style>",
      '<a href="x>y">',
      "<!--",
      "-->",
      "<!doctype html>",
      "&amp;",
      "&nbsp;",
      ">",
      '"',
      "'",
      "text",
      " ",
      "\n",
      "<img src=x onerror=alert(1)>",
      "<svg onload=alert(1)>",
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 40 }), (parts) => {
        // A lone `<` or a `&lt;` is text its author wrote (a browser shows it too): left out here, so any `<`
        // in the output would be markup that got through.
        const text = htmlToText(parts.join(""));
        expect(text).not.toMatch(MARKUP);
        expect(text).not.toMatch(/alert|onerror|onload/);
      }),
      { seed: 18, numRuns: 500 },
    );
  });
});
