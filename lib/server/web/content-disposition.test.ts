import { describe, expect, it } from "vitest";
import { attachmentDisposition } from "./content-disposition";

/** What a browser does with the header: prefer filename*, decode it as UTF-8. */
const chosenName = (header: string) => {
  const encoded = /filename\*=UTF-8''([^;]+)/.exec(header)?.[1];
  return encoded === undefined ? undefined : decodeURIComponent(encoded);
};

describe("attachmentDisposition (RFC 6266)", () => {
  it("gives a plain ASCII name both ways", () => {
    expect(attachmentDisposition("audit-2026-12-03.csv")).toBe(
      "attachment; filename=\"audit-2026-12-03.csv\"; filename*=UTF-8''audit-2026-12-03.csv",
    );
  });

  it("keeps a name beyond Latin-1 exact in filename* and gives an ASCII stand-in, in a header fetch accepts", () => {
    const header = attachmentDisposition("vouchers-Café 会議 🎫.csv");
    expect(header).toBe(
      "attachment; filename=\"vouchers-Cafe __ __.csv\"; filename*=UTF-8''vouchers-Caf%C3%A9%20%E4%BC%9A%E8%AD%B0%20%F0%9F%8E%AB.csv",
    );
    expect(chosenName(header)).toBe("vouchers-Café 会議 🎫.csv");
    expect(new Headers({ "content-disposition": header }).get("content-disposition")).toBe(header);
  });

  it("cannot be broken out of: quotes, separators, line breaks, percent signs and lone surrogates", () => {
    const header = attachmentDisposition('a"; filename="evil.exe\r\nX-Injected: 1/..\\%41\ud800.csv');
    expect(header).toBe(
      "attachment; filename=\"a_; filename=_evil.exe__X-Injected: 1_..__41_.csv\"; filename*=UTF-8''a%22%3B%20filename%3D%22evil.exe__X-Injected%3A%201_.._%2541%EF%BF%BD.csv",
    );
    expect(header).not.toMatch(/[\r\n]/);
    expect(chosenName(header)).toBe('a"; filename="evil.exe__X-Injected: 1_.._%41\uFFFD.csv');
  });
});
