import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  buildXAuthenticate,
  computeDigest,
  createVerifier,
  digestPassword,
  formatCreated,
  NonceStore,
  parseXAuthenticate,
} from "./auth";

// Document §1.3, verbatim.
const DOC = {
  salt: "b5a8fdcf2f8d5acdad33c4a072a97d7a",
  password: "admin",
  digestPassword: "dd7b0be7fa37d6cbaf0b842bf7532f229cb79ab8d54d509c2aa7eea27a53cd5e",
  nonce: "bfb79078ff44c35714af28b7412a702b",
  created: "2016-04-29T15:48:26Z",
  digest: "+PJg7Tb3v98XnL6iJVv+v5hwhYjdzQ2tIWxvJB2cE40=",
  header:
    'RestApiUsernameToken Username="admin", Domain="default", Digest="+PJg7Tb3v98XnL6iJVv+v5hwhYjdzQ2tIWxvJB2cE40=", Nonce="bfb79078ff44c35714af28b7412a702b", Created="2016-04-29T15:48:26Z"',
};

describe("the document's digest example", () => {
  it("gives the documented digestPassword (braces included)", () => {
    expect(digestPassword(DOC.password, DOC.salt)).toBe(DOC.digestPassword);
    const withoutBraces = createHash("sha256").update(`${DOC.password}${DOC.salt}`).digest("hex");
    expect(withoutBraces).not.toBe(DOC.digestPassword);
  });

  it("gives the documented Digest (base64 of the binary hash, not of the hex)", () => {
    expect(computeDigest(DOC.nonce, DOC.digestPassword, "admin", "default", DOC.created)).toBe(DOC.digest);
    const hexVariant = Buffer.from(
      createHash("sha256")
        .update(`${DOC.nonce}${DOC.digestPassword}admindefault${DOC.created}`)
        .digest("hex"),
    ).toString("base64");
    expect(hexVariant).not.toBe(DOC.digest);
  });

  it("builds the documented header byte for byte", () => {
    const header = buildXAuthenticate({
      username: "admin",
      domain: "default",
      password: DOC.password,
      salt: DOC.salt,
      nonce: DOC.nonce,
      created: DOC.created,
    });
    expect(header).toBe(DOC.header);
  });

  it("verifies against a verifier whose clock is a minute after Created", () => {
    const verifier = createVerifier({
      tenants: [
        {
          domain: "default",
          salt: DOC.salt,
          users: [{ username: "admin", password: "admin", privacy: false, api: true }],
        },
      ],
      windowSeconds: 300,
    });
    const now = Date.parse("2016-04-29T15:49:26Z");
    expect(verifier.verify(DOC.header, now)).toMatchObject({ ok: true });
    expect(verifier.verify(DOC.header, now + 1000)).toEqual({
      ok: false,
      reason: "replayed-nonce",
      username: "admin",
      domain: "default",
    });
  });
});

describe("header format (regex of notes §1.5, anchored)", () => {
  it("parses the document's header into its five parts", () => {
    expect(parseXAuthenticate(DOC.header)).toEqual({
      username: "admin",
      domain: "default",
      digest: DOC.digest,
      nonce: DOC.nonce,
      created: DOC.created,
      createdMs: Date.parse(DOC.created),
    });
  });

  it("accepts an empty Domain, as the vendor regex does", () => {
    expect(parseXAuthenticate(DOC.header.replace('Domain="default"', 'Domain=""'))?.domain).toBe("");
  });

  const refused: Array<[string, string]> = [
    ["another scheme", DOC.header.replace("RestApiUsernameToken", "UsernameToken")],
    [
      "parts out of order",
      DOC.header.replace('Username="admin", Domain="default"', 'Domain="default", Username="admin"'),
    ],
    ["no space after the comma", DOC.header.replace('", Domain', '",Domain')],
    ["an @ in Username", DOC.header.replace('Username="admin"', 'Username="admin@default"')],
    ["milliseconds in Created", DOC.header.replace("15:48:26Z", "15:48:26.000Z")],
    ["a zone offset in Created", DOC.header.replace("15:48:26Z", "15:48:26+00:00")],
    ["an impossible Created date", DOC.header.replace("2016-04-29", "2016-02-30")],
    ["a 7-character nonce", DOC.header.replace(DOC.nonce, "bfb7907")],
    ["a non-hex nonce", DOC.header.replace(DOC.nonce, "nothexatall0000")],
    ["trailing garbage", `${DOC.header}, Extra="1"`],
    ["unquoted values", DOC.header.replace('Username="admin"', "Username=admin")],
    ["an empty header", ""],
  ];
  for (const [what, header] of refused) {
    it(`refuses ${what}`, () => {
      expect(parseXAuthenticate(header)).toBeNull();
    });
  }

  it("formats Created without milliseconds", () => {
    expect(formatCreated(Date.parse("2024-03-15T10:20:30.456Z"))).toBe("2024-03-15T10:20:30Z");
  });
});

describe("nonce memory", () => {
  it("forgets a nonce only after its window, counted from the later of first use and Created", () => {
    const store = new NonceStore(300_000);
    store.remember("n", 1_000_000, 1_100_000);
    expect(store.has("n", 1_000_000 + 299_000)).toBe(true);
    // Still remembered: Created was 100 s ahead, so the header is valid until Created + 5 min.
    expect(store.has("n", 1_100_000 + 299_000)).toBe(true);
    expect(store.has("n", 1_100_000 + 300_001)).toBe(false);
  });
});
