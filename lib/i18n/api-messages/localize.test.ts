import { describe, expect, it } from "vitest";
import { z } from "zod";
import { localizeInputMessage } from "./input-messages";
import { localize, localizedJson } from "./localize";
import { figure, msg, quoted, Text, text, WordsPerLocale } from "./text";
import { issuesIn } from "./zod-issues";

describe("a message written with text``", () => {
  it("keeps its template apart from its values, and reads as the English it always was", () => {
    const id = "pbx-main";
    const message = text`The body is over ${1048576} bytes${id ? "" : "!"}.`;
    expect(message).toBeInstanceOf(Text);
    expect(message.template).toBe("The body is over {0} bytes{1}.");
    expect(String(message)).toBe("The body is over 1048576 bytes.");
    expect(JSON.stringify({ message })).toBe('{"message":"The body is over 1048576 bytes."}');
    expect(String(text`a ${undefined} b ${null}`)).toBe(`a ${undefined} b ${null}`);
  });

  it("is rendered in Italian from the catalog, values untouched (no thousands separator in an id or a size)", () => {
    expect(localize(text`The body is over ${1048576} bytes.`, "it")).toBe("Il corpo supera 1048576 byte.");
    expect(localize(text`The body is over ${1048576} bytes.`, "en")).toBe("The body is over 1048576 bytes.");
  });

  it("renders a message inside a message in the same language, and plurals by the catalog", () => {
    const message = text`Invalid body — ${text`Unknown field: ${"nmae"}`}${text` (and ${2} more)`}`;
    expect(localize(message, "en")).toBe("Invalid body — Unknown field: nmae (and 2 more)");
    expect(localize(message, "it")).toBe(
      "Corpo della richiesta non valido — Campo sconosciuto: nmae (e altri 2)",
    );
    expect(localize(text` (and ${1} more)`, "it")).toBe(" (e un altro)");
  });

  it("stays English where the catalog has no entry, rather than showing a key", () => {
    expect(localize(text`Nothing translates ${"this"}`, "it")).toBe("Nothing translates this");
    expect(localize(quoted("A vendor's own words"), "it")).toBe("A vendor's own words");
  });

  it("writes a measured figure with the person's decimal mark, and an id or a size as it is", () => {
    const message = text`${"Kerio Operator"} answered and accepted the credentials in ${figure(12345.5)} ms.`;
    expect(String(message)).toBe("Kerio Operator answered and accepted the credentials in 12345.5 ms.");
    expect(localize(message, "it")).toBe(
      "Kerio Operator ha risposto e accettato le credenziali in 12.345,5 ms.",
    );
  });
});

describe("a result with messages in it, written as JSON", () => {
  const result = {
    results: [
      { row: 0, ok: false, message: text`The body is over ${1048576} bytes.`, field: null },
      { row: 1, ok: true, message: null, field: null },
    ],
    source: { name: "The body is over", message: quoted("Kayako said no") },
  };

  it("renders every message in the person's language and leaves every other string alone", () => {
    expect(JSON.parse(localizedJson(result, "it"))).toEqual({
      results: [
        { row: 0, ok: false, message: "Il corpo supera 1048576 byte.", field: null },
        { row: 1, ok: true, message: null, field: null },
      ],
      source: { name: "The body is over", message: "Kayako said no" },
    });
  });

  it("is the English JSON it always was in English", () => {
    expect(localizedJson(result, "en")).toBe(JSON.stringify(result));
    expect(JSON.parse(localizedJson(result, "en")).results[0].message).toBe(
      "The body is over 1048576 bytes.",
    );
  });

  it("takes words a library gave per language as they are", () => {
    const words = new WordsPerLocale({ en: "Too small", it: "Troppo piccolo" });
    expect(localize(words, "it")).toBe("Troppo piccolo");
    expect(localize(words, "en")).toBe("Too small");
    expect(localize(new WordsPerLocale({ en: "Only English" }), "it")).toBe("Only English");
  });
});

describe("a schema's message (msg``)", () => {
  it("is the English string zod needs", () => {
    expect(msg`At most ${80} characters`).toBe("At most 80 characters");
  });

  it("is found in Italian whole, or by the template with holes", () => {
    expect(localizeInputMessage("At most 80 characters", "it")).toBe("Al massimo 80 caratteri");
    expect(localizeInputMessage("from must be an ISO date-time", "it")).toBe(
      "from deve essere una data e ora ISO",
    );
    expect(localizeInputMessage("A message nobody wrote", "it")).toBe("A message nobody wrote");
    expect(localizeInputMessage("Anything", "en")).toBe("Anything");
  });
});

describe("zod's issues in another language", () => {
  it("come from zod's locale for this parse only, and leave the global configuration English", () => {
    const schema = z.strictObject({ name: z.string().min(2) });
    const [issue] = issuesIn(schema, { name: "x" }, "it");
    expect(issue?.message).toMatch(/^Troppo piccolo/);
    expect(issue?.path).toEqual(["name"]);
    expect(schema.safeParse({ name: "x" }).error?.issues[0]?.message).toMatch(/^Too small/);
  });

  it("keep a schema's own message, in the catalog's Italian", () => {
    const schema = z.strictObject({ name: z.string().max(3, msg`At most 80 characters`) });
    expect(issuesIn(schema, { name: "long" }, "it")[0]?.message).toBe("Al massimo 80 caratteri");
  });
});
