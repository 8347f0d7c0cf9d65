import { describe, expect, it } from "vitest";
import { VendorError } from "@/lib/server/errors/vendor-error";
import { attributeOf, listOf, numberOf, parseKayakoXml, textOf, textsOf } from "./xml";

const HEADER = '<?xml version="1.0" encoding="UTF-8"?>';

describe("Kayako XML", () => {
  it("reads CDATA leaves, including a split ]]> and markup characters", () => {
    const doc = parseKayakoXml(
      `${HEADER}\n<tickets>\n<ticket id="7" flagtype="0">\n<subject><![CDATA[Fix <b> & ]]]]><![CDATA[> now]]></subject>\n</ticket>\n</tickets>`,
      "a test",
    );
    const [ticket] = listOf(doc.tickets, "ticket");
    expect(textOf(ticket, "subject")).toBe("Fix <b> & ]]> now");
    expect(attributeOf(ticket, "id")).toBe("7");
  });

  it("reads empty elements as empty text and zero", () => {
    const doc = parseKayakoXml(
      `${HEADER}\n<tickets>\n<ticket id="1">\n<ownerstaffname />\n<ownerstaffid />\n</ticket>\n</tickets>`,
      "x",
    );
    const [ticket] = listOf(doc.tickets, "ticket");
    expect(textOf(ticket, "ownerstaffname")).toBe("");
    expect(numberOf(ticket, "ownerstaffid")).toBe(0);
  });

  it("keeps repeated children as lists, and single ones too", () => {
    const doc = parseKayakoXml(
      `${HEADER}\n<users>\n<user>\n<id><![CDATA[1]]></id>\n<email><![CDATA[a@x]]></email>\n<email><![CDATA[b@x]]></email>\n</user>\n</users>`,
      "x",
    );
    const users = listOf(doc.users, "user");
    expect(users).toHaveLength(1);
    expect(numberOf(users[0], "id")).toBe(1);
    expect(textsOf(users[0], "email")).toEqual(["a@x", "b@x"]);
    expect(listOf(parseKayakoXml(`${HEADER}\n<users>\n</users>`, "x").users, "user")).toEqual([]);
  });

  it("tolerates PHP notices before the XML", () => {
    const doc = parseKayakoXml(
      `<br />\n<b>Notice</b>: Undefined index: x in /var/www/a.php on line 3<br />\n${HEADER}\n<tickets>\n<totalcount><![CDATA[12]]></totalcount>\n</tickets>`,
      "x",
    );
    expect(numberOf(doc.tickets, "totalcount")).toBe(12);
  });

  it("turns a plain-text body into an error that quotes Kayako", () => {
    expect(() => parseKayakoXml("Ticket not Found", "ticket 9")).toThrowError(VendorError);
    expect(() => parseKayakoXml("Ticket not Found", "ticket 9")).toThrowError(/ticket 9.*"Ticket not Found"/);
  });
});
