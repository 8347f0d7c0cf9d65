import { describe, expect, it } from "vitest";
import {
  DEFAULT_VOUCHER_QR,
  PORTAL_TEMPLATE_MAX_LENGTH,
  portalTemplateProblem,
  voucherQrContent,
} from "./voucher-qr";

describe("voucher QR content", () => {
  it("is the code alone by default", () => {
    expect(voucherQrContent(DEFAULT_VOUCHER_QR, "WX7K2P")).toBe("WX7K2P");
  });

  it("puts the URL-encoded code into every {code} of a portal template", () => {
    const setting = {
      content: "portal-url",
      template: "https://portal.example.com/login?voucher={code}&again={code}",
    } as const;
    expect(voucherQrContent(setting, "AB12")).toBe(
      "https://portal.example.com/login?voucher=AB12&again=AB12",
    );
    expect(voucherQrContent(setting, "a b&c=d/é")).toBe(
      "https://portal.example.com/login?voucher=a%20b%26c%3Dd%2F%C3%A9&again=a%20b%26c%3Dd%2F%C3%A9",
    );
    expect(voucherQrContent({ content: "portal-url", template: "http://10.0.0.1/v/{code}" }, "X1")).toBe(
      "http://10.0.0.1/v/X1",
    );
  });
});

describe("portal URL templates", () => {
  it("accepts http and https URLs with {code} in the path, query or fragment", () => {
    for (const template of [
      "https://portal.example.com/login?voucher={code}",
      "http://10.0.0.1:8080/hotspot/{code}",
      "https://portal.example.com/#/login/{code}",
    ]) {
      expect(portalTemplateProblem(template), template).toBeNull();
    }
  });

  it("says what to fix in anything else", () => {
    const cases: [string, RegExp][] = [
      ["", /Enter the portal URL/],
      ["https://portal.example.com/login", /Put \{code\} where the voucher code goes/],
      ["portal.example.com/login?v={code}", /full URL starting with https:\/\/ or http:\/\//],
      ["javascript:alert('{code}')", /must start with https:\/\/ or http:\/\//],
      ["ftp://files.example.com/{code}", /must start with https:\/\/ or http:\/\//],
      ["https://guest:secret@portal.example.com/?v={code}", /Leave user names and passwords out/],
      ["https://{code}.portal.example.com/", /not in the host name/],
      [`https://portal.example.com/?v={code}&pad=${"x".repeat(PORTAL_TEMPLATE_MAX_LENGTH)}`, /At most 512/],
    ];
    for (const [template, message] of cases)
      expect(portalTemplateProblem(template), template).toMatch(message);
  });
});
