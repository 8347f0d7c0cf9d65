import { describe, expect, it } from "vitest";
import { createdAt, digestPassword, randomNonce, xAuthenticate, xAuthenticateDigest } from "./sign";

/** The worked example of the vendor's CDR API document (kalliope-notes §1.1, §1.2). */
const DOCUMENT = {
  salt: "b5a8fdcf2f8d5acdad33c4a072a97d7a",
  password: "admin",
  username: "admin",
  domain: "default",
  nonce: "bfb79078ff44c35714af28b7412a702b",
  created: "2016-04-29T15:48:26Z",
  digestPassword: "dd7b0be7fa37d6cbaf0b842bf7532f229cb79ab8d54d509c2aa7eea27a53cd5e",
  digest: "+PJg7Tb3v98XnL6iJVv+v5hwhYjdzQ2tIWxvJB2cE40=",
};

/** The vendor's header validation regex (regex101.com/r/IEgL5V/1, notes §1.5). */
const VENDOR_REGEX =
  /RestApiUsernameToken Username="([^"@]+)", Domain="([^"@]+){0,1}", Digest="([^"]+)", Nonce="([^"]+)", Created="(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)"/;

describe("Kalliope X-authenticate", () => {
  it("reproduces the document's digestPassword (the braces around the salt are part of it)", () => {
    expect(digestPassword(DOCUMENT.password, DOCUMENT.salt)).toBe(DOCUMENT.digestPassword);
  });

  it("reproduces the document's Digest (base64 of the binary SHA-256, not of the hex)", () => {
    expect(
      xAuthenticateDigest({
        username: DOCUMENT.username,
        domain: DOCUMENT.domain,
        digestPassword: DOCUMENT.digestPassword,
        nonce: DOCUMENT.nonce,
        created: DOCUMENT.created,
      }),
    ).toBe(DOCUMENT.digest);
  });

  it("writes the header exactly as the document's example and the vendor's regex expect", () => {
    const header = xAuthenticate({
      username: DOCUMENT.username,
      domain: DOCUMENT.domain,
      digestPassword: DOCUMENT.digestPassword,
      nonce: DOCUMENT.nonce,
      created: DOCUMENT.created,
    });
    expect(header).toBe(
      'RestApiUsernameToken Username="admin", Domain="default", Digest="+PJg7Tb3v98XnL6iJVv+v5hwhYjdzQ2tIWxvJB2cE40=", Nonce="bfb79078ff44c35714af28b7412a702b", Created="2016-04-29T15:48:26Z"',
    );
    expect(VENDOR_REGEX.exec(header)?.slice(1)).toEqual([
      "admin",
      "default",
      DOCUMENT.digest,
      DOCUMENT.nonce,
      DOCUMENT.created,
    ]);
  });

  it("makes Created without milliseconds and a fresh hex nonce each time", () => {
    expect(createdAt(new Date("2016-04-29T15:48:26.789Z"))).toBe("2016-04-29T15:48:26Z");
    const nonces = new Set(Array.from({ length: 20 }, randomNonce));
    expect(nonces.size).toBe(20);
    for (const nonce of nonces) expect(nonce).toMatch(/^[0-9a-f]{32}$/);
  });
});
