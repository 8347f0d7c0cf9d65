import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  CreateConnectionSchema,
  FileConnectionSchema,
  TlsSchema,
  UpdateConnectionSchema,
} from "./connections";

const VALID = {
  "kerio-operator": {
    kind: "kerio-operator",
    name: "Main PBX",
    baseUrl: "https://10.0.0.5:4021/",
    username: "Admin",
    password: "p",
  },
  "kerio-connect": {
    kind: "kerio-connect",
    name: "Mail",
    baseUrl: "https://mail:4040",
    username: "a",
    password: "p",
  },
  "kerio-control": {
    kind: "kerio-control",
    name: "FW",
    baseUrl: "https://fw:4081",
    username: "a",
    password: "p",
  },
  kiwire: {
    kind: "kiwire",
    name: "Hotspot",
    baseUrl: "https://hotspot",
    username: "hakim",
    password: "admin",
    apiKey: "k",
    cloudId: "DEMO",
    timeZone: "Asia/Kuala_Lumpur",
    timeFormat: "Y-m-d H:i:s",
    signing: "md5",
  },
  kalliope: {
    kind: "kalliope",
    name: "PBX",
    baseUrl: "https://pbx",
    username: "admin",
    password: "p",
    timeZone: "Europe/Rome",
  },
  kayako: {
    kind: "kayako",
    name: "Helpdesk",
    baseUrl: "https://help.example.com/api/index.php",
    apiKey: "k",
    secretKey: "s",
  },
} as const;

function issues(input: unknown, schema: z.ZodType = CreateConnectionSchema) {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return result.error.issues.map((issue) => ({
    path: issue.path.join("."),
    code: issue.code,
    message: issue.message,
    keys: "keys" in issue ? issue.keys : undefined,
  }));
}

describe("connection schemas", () => {
  it("accepts a valid connection of every kind and normalises the base URL", () => {
    for (const input of Object.values(VALID)) {
      const parsed = CreateConnectionSchema.parse(input);
      expect(parsed.kind).toBe(input.kind);
      expect(parsed.baseUrl.endsWith("/")).toBe(false);
    }
  });

  it("names an unknown field", () => {
    expect(issues({ ...VALID.kayako, username: "x" })).toEqual([
      expect.objectContaining({ code: "unrecognized_keys", keys: ["username"] }),
    ]);
    expect(issues({ ...VALID["kerio-operator"], tls: { mode: "verify", fingerprint256: "AA" } })).toEqual([
      expect.objectContaining({ code: "unrecognized_keys", path: "tls", keys: ["fingerprint256"] }),
    ]);
  });

  it("rejects bad URLs with messages that say what to enter", () => {
    const cases: [string, RegExp][] = [
      ["not a url", /full URL/],
      ["ftp://10.0.0.5", /https:\/\/ or http:\/\//],
      ["https://admin:pw@10.0.0.5:4021", /credentials in their own fields/],
      ["https://10.0.0.5:4021/?x=1", /query string/],
    ];
    for (const [baseUrl, message] of cases) {
      expect(issues({ ...VALID["kerio-operator"], baseUrl })).toEqual([
        expect.objectContaining({ path: "baseUrl", message: expect.stringMatching(message) }),
      ]);
    }
    expect(issues({ ...VALID.kayako, baseUrl: "https://help.example.com" })).toEqual([
      expect.objectContaining({ path: "baseUrl", message: expect.stringContaining("/api/index.php") }),
    ]);
  });

  it("rejects missing credentials, naming each field", () => {
    const { password: _p, apiKey: _k, ...kiwire } = VALID.kiwire;
    expect(issues(kiwire)).toEqual([
      expect.objectContaining({ path: "password", message: "Enter the password" }),
      expect.objectContaining({ path: "apiKey", message: expect.stringContaining("Enter the API key") }),
    ]);
    expect(issues({ ...VALID.kayako, secretKey: "" })).toEqual([
      expect.objectContaining({
        path: "secretKey",
        message: expect.stringContaining("Enter the secret key"),
      }),
    ]);
  });

  it("names the kinds when the kind is unknown or missing", () => {
    expect(issues({ ...VALID.kalliope, kind: "asterisk" })).toEqual([
      expect.objectContaining({
        path: "kind",
        message: expect.stringContaining("kerio-operator, kerio-connect"),
      }),
    ]);
  });

  it("checks vendor-specific rules: Kalliope names, Kiwire zone and time format", () => {
    expect(issues({ ...VALID.kalliope, username: "admin@tenant" })).toEqual([
      expect.objectContaining({ path: "username", message: 'May not contain @ or "' }),
    ]);
    expect(issues({ ...VALID.kiwire, timeZone: "Mars/Olympus" })).toEqual([
      expect.objectContaining({ path: "timeZone", message: expect.stringContaining("IANA") }),
    ]);
    expect(issues({ ...VALID.kiwire, timeFormat: "unix" })).toEqual([
      expect.objectContaining({ path: "timeFormat", message: "timeFormat must be YmdHis or Y-m-d H:i:s" }),
    ]);
  });

  it("takes a Kiwire voucher QR setting: the code, or an http(s) portal template with {code}", () => {
    const template = "https://portal.example.com/login?voucher={code}";
    expect(
      CreateConnectionSchema.parse({
        ...VALID.kiwire,
        voucherQr: { content: "portal-url", template: ` ${template} ` },
      }),
    ).toMatchObject({ voucherQr: { content: "portal-url", template } });
    expect(UpdateConnectionSchema.parse({ kind: "kiwire", voucherQr: { content: "code" } })).toEqual({
      kind: "kiwire",
      voucherQr: { content: "code" },
    });
    expect(
      issues({ ...VALID.kiwire, voucherQr: { content: "portal-url", template: "ftp://portal/{code}" } }),
    ).toEqual([
      expect.objectContaining({
        path: "voucherQr.template",
        message: expect.stringContaining("https:// or http://"),
      }),
    ]);
    expect(
      issues({ ...VALID.kiwire, voucherQr: { content: "portal-url", template: "https://portal/login" } }),
    ).toEqual([
      expect.objectContaining({ path: "voucherQr.template", message: expect.stringContaining("{code}") }),
    ]);
    expect(issues({ ...VALID.kiwire, voucherQr: { content: "url" } })).toEqual([
      expect.objectContaining({
        path: "voucherQr.content",
        message: 'content must be "code" or "portal-url"',
      }),
    ]);
    // The same entry in the connections file; other kinds have no vouchers.
    expect(
      issues({ ...VALID.kiwire, id: "hotspot", voucherQr: { content: "code" } }, FileConnectionSchema),
    ).toEqual([]);
    expect(issues({ ...VALID.kayako, voucherQr: { content: "code" } })).toEqual([
      expect.objectContaining({ code: "unrecognized_keys", keys: ["voucherQr"] }),
    ]);
  });

  it("requires the appliance's zone for Kiwire and KalliopePBX, in the API and the file alike", () => {
    for (const kind of ["kiwire", "kalliope"] as const) {
      const { timeZone: _zone, ...withoutZone } = VALID[kind];
      expect(issues(withoutZone)).toEqual([
        expect.objectContaining({ path: "timeZone", message: expect.stringContaining("IANA time zone") }),
      ]);
      const fileEntry = { ...withoutZone, id: `${kind}-1` };
      expect(issues(fileEntry, FileConnectionSchema)).toEqual([
        expect.objectContaining({ path: "timeZone", message: expect.stringContaining("IANA time zone") }),
      ]);
    }
    // Kinds whose appliances keep no local time the console must match take no zone at all.
    expect(issues({ ...VALID.kayako, timeZone: "UTC" })).toEqual([
      expect.objectContaining({ code: "unrecognized_keys", keys: ["timeZone"] }),
    ]);
  });

  it("refuses http:// with TLS verify or pin (also when tls is left out), and takes it as insecure", () => {
    const plain = { ...VALID["kerio-operator"], baseUrl: "http://10.0.0.5:4020" };
    const pin = { mode: "pin", fingerprint256: "AB".repeat(32) };
    for (const tls of [undefined, { mode: "verify" }, pin]) {
      expect(issues({ ...plain, tls })).toEqual([
        expect.objectContaining({
          path: "tls",
          message: expect.stringContaining("http:// address has no TLS"),
        }),
      ]);
      expect(issues({ ...plain, id: "pbx", tls }, FileConnectionSchema)).toEqual([
        expect.objectContaining({ path: "tls", message: expect.stringContaining("choose insecure") }),
      ]);
    }
    expect(issues({ ...plain, tls: { mode: "insecure" } })).toEqual([]);
    expect(issues({ ...VALID["kerio-operator"], tls: pin })).toEqual([]);
  });

  it("normalises fingerprints and rejects malformed ones and unknown TLS modes", () => {
    const hex = "b9b928a50bd772207ea815a98b459d8d934bb0b667f0bc161a394906f3ae45d0";
    const parsed = TlsSchema.parse({ mode: "pin", fingerprint256: hex });
    expect(parsed).toEqual({
      mode: "pin",
      fingerprint256: expect.stringMatching(/^B9:B9:28:(?:[0-9A-F]{2}:){28}D0$/),
    });
    expect(TlsSchema.safeParse({ mode: "pin", fingerprint256: "AB:CD" }).error?.issues[0]?.message).toContain(
      "64 hex digits",
    );
    expect(TlsSchema.safeParse({ mode: "trust-me" }).error?.issues[0]?.message).toBe(
      "mode must be verify, pin or insecure",
    );
    expect(TlsSchema.safeParse({ mode: "verify", ca: "not pem" }).error?.issues[0]?.message).toContain("PEM");
  });

  it("takes an id in the file, and a secret there inline or as an environment reference", () => {
    const entry = { ...VALID.kayako, id: "helpdesk", secretKey: { env: "KAYAKO_SECRET" } };
    expect(FileConnectionSchema.parse(entry)).toMatchObject({
      id: "helpdesk",
      secretKey: { env: "KAYAKO_SECRET" },
    });
    expect(issues({ ...entry, id: "Helpdesk 1" }, FileConnectionSchema)).toEqual([
      expect.objectContaining({ path: "id", message: expect.stringContaining("lower-case") }),
    ]);
    expect(issues({ ...entry, secretKey: { variable: "X" } }, FileConnectionSchema)).toEqual([
      expect.objectContaining({
        path: "secretKey",
        message: expect.stringContaining('{"env": "VARIABLE_NAME"}'),
      }),
    ]);
    // The API never resolves environment references: a secret there is a string.
    expect(issues({ ...VALID.kayako, secretKey: { env: "X" } })).toEqual([
      expect.objectContaining({ path: "secretKey" }),
    ]);
  });

  it("updates: the kind is required, fields are optional, the id and unknown fields are refused", () => {
    expect(UpdateConnectionSchema.parse({ kind: "kalliope", password: "new" })).toEqual({
      kind: "kalliope",
      password: "new",
    });
    expect(issues({ kind: "kalliope", id: "x" }, UpdateConnectionSchema)).toEqual([
      expect.objectContaining({ code: "unrecognized_keys", keys: ["id"] }),
    ]);
    expect(issues({ password: "x" }, UpdateConnectionSchema)).toEqual([
      expect.objectContaining({ path: "kind" }),
    ]);
  });
});
