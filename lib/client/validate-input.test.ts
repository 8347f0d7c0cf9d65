import { afterEach, describe, expect, it, vi } from "vitest";
import { CreateVouchersSchema } from "@/lib/api/kiwire";
import { loadInputLanguage, validateInput } from "./validate-input";

function pageIn(lang: string) {
  vi.stubGlobal("document", { documentElement: { lang } });
}

afterEach(() => vi.unstubAllGlobals());

describe("checking a form in the page's language", () => {
  it("answers in the schema's English on an English page", () => {
    pageIn("en");
    const checked = validateInput(CreateVouchersSchema, { quantity: 0, profile: "" });
    expect(checked).toMatchObject({
      ok: false,
      fieldErrors: { quantity: "At least 1", profile: "Choose a profile" },
    });
  });

  it("answers in Italian on an Italian page once the language has loaded, zod's own words included", async () => {
    pageIn("it");
    loadInputLanguage();
    await vi.waitFor(() => {
      const checked = validateInput(CreateVouchersSchema, { quantity: 0, profile: "" });
      expect(checked).toMatchObject({ ok: false, fieldErrors: { quantity: "Almeno 1" } });
    });
    const checked = validateInput(CreateVouchersSchema, { quantity: 1, profile: "p", extra: true });
    expect(checked).toMatchObject({
      ok: false,
      fieldErrors: { "": expect.stringMatching(/non riconosciut/) },
    });
  });
});
