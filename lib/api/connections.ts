import { z } from "zod";
import {
  CONNECTION_KINDS,
  type ConnectionKind,
  HEALTH_STATES,
  INSECURE_REASONS,
  KIWIRE_SIGNING_MODES,
  KIWIRE_TIME_FORMATS,
  TEST_OUTCOMES,
} from "@/lib/connection-kinds";
import { msg } from "@/lib/i18n/api-messages/text";
import { CODE_PLACEHOLDER, portalTemplateProblem } from "@/lib/voucher-qr";
import { defineOperation } from "./operation";

/**
 * Vendor connections: one zod schema per kind serves the admin form, the API, the connections file and the
 * OpenAPI document. Objects are strict, so a misspelt field is refused by name instead of silently ignored.
 */

/** Lower-case slugs: ids appear in URLs of every vendor page and seal the connection's secrets. */
export const CONNECTION_ID_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,62}[a-z0-9])?$/;

/** A string field whose "missing" message says what to enter rather than zod's type jargon. */
const text = (missing: string) =>
  z.string({
    error: (issue) => (issue.input === undefined ? missing : msg`Must be text`),
  });

export const ConnectionIdSchema = text(msg`Enter an id`)
  .regex(CONNECTION_ID_PATTERN, msg`Use 1–64 lower-case letters, digits and hyphens, e.g. pbx-main`)
  .describe("Stable id, e.g. `pbx-main`: used in URLs and as the secrets' associated data; never changes");

const NameSchema = text(msg`Enter a name`)
  .trim()
  .min(1, msg`Enter a name`)
  .max(80, msg`At most 80 characters`)
  .describe("What operators see, e.g. Main PBX");

function checkBaseUrl(value: string, context: z.core.$RefinementCtx<string>, kind: ConnectionKind): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    context.addIssue({ code: "custom", message: msg`Enter a full URL such as https://10.0.0.5:4021` });
    return;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    context.addIssue({ code: "custom", message: msg`The URL must start with https:// or http://` });
  }
  // Credentials in a URL end up in logs and error messages: they belong in the secret fields.
  if (url.username || url.password) {
    context.addIssue({ code: "custom", message: msg`Put credentials in their own fields, not in the URL` });
  }
  if (url.search || url.hash) {
    context.addIssue({ code: "custom", message: msg`Leave out the query string and fragment` });
  }
  if (kind === "kayako" && !url.pathname.endsWith("/index.php")) {
    context.addIssue({
      code: "custom",
      message: msg`Give the REST API URL ending in /api/index.php, e.g. https://help.example.com/api/index.php`,
    });
  }
}

const baseUrl = (kind: ConnectionKind) =>
  text(msg`Enter the base URL`)
    .trim()
    .min(1, msg`Enter the base URL`)
    .max(2048)
    .superRefine((value, context) => checkBaseUrl(value, context, kind))
    // One spelling, so `${baseUrl}/path` never doubles a slash.
    .transform((value) => value.replace(/\/+$/, ""))
    .describe(
      kind === "kayako"
        ? "The helpdesk's REST URL, ending in /api/index.php"
        : "Scheme, host and port of the appliance, e.g. https://10.0.0.5:4021",
    );

/** `AB:CD:...` (32 bytes). Accepted with or without colons, in either case; stored upper-case with colons. */
export const FingerprintSchema = text(msg`Enter the certificate's SHA-256 fingerprint`)
  .trim()
  .transform((value) => value.replace(/[:\s]/g, "").toUpperCase())
  .refine((hex) => /^[0-9A-F]{64}$/.test(hex), msg`A SHA-256 fingerprint is 64 hex digits, e.g. AB:CD:…`)
  .transform((hex) => hex.match(/../g)?.join(":") ?? hex)
  .describe("SHA-256 fingerprint of the server certificate, AB:CD:… (as browsers and openssl show it)");

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

export const TlsSchema = z
  .discriminatedUnion(
    "mode",
    [
      z.strictObject({
        mode: z.literal("verify"),
        ca: text(msg`Paste the CA certificate`)
          .trim()
          .max(64 * 1024)
          .refine(
            (pem) => PEM_CERTIFICATE.test(pem),
            msg`Paste a PEM certificate (-----BEGIN CERTIFICATE-----…)`,
          )
          .optional()
          .describe("Extra CA certificate(s) in PEM, trusted besides the system CAs"),
      }),
      z.strictObject({ mode: z.literal("pin"), fingerprint256: FingerprintSchema }),
      z.strictObject({ mode: z.literal("insecure") }),
    ],
    {
      error: (issue) =>
        issue.code === "invalid_union" ? msg`mode must be verify, pin or insecure` : undefined,
    },
  )
  .describe(
    "verify (default): system CAs plus an optional CA; pin: exactly the certificate with this fingerprint, self-signed included; insecure: no check at all",
  );
export type TlsSettings = z.infer<typeof TlsSchema>;

/**
 * Plain HTTP has no certificate to verify or pin, so only `insecure` describes it truthfully; `verify` on an
 * http:// address would let the console (and an admin reading the list) believe the traffic is checked.
 * Answers the problem for the `tls` field, or null. A missing `tls` means `verify`.
 */
export function plainHttpTlsProblem(baseUrl: string, tls: TlsSettings | undefined): string | null {
  if (!URL.canParse(baseUrl) || new URL(baseUrl).protocol !== "http:") return null;
  const mode = tls?.mode ?? "verify";
  if (mode === "insecure") return null;
  return msg`An http:// address has no TLS, so "${mode}" checks nothing: use https://, or choose insecure to send this connection's credentials unencrypted.`;
}

/** The shape every kind shares, for the checks that look at the address and TLS together. */
function checkTransport(
  connection: { baseUrl: string; tls?: TlsSettings },
  context: z.core.$RefinementCtx<unknown>,
): void {
  const problem = plainHttpTlsProblem(connection.baseUrl, connection.tls);
  if (problem) context.addIssue({ code: "custom", path: ["tls"], message: problem });
}

export const TimeoutsSchema = z
  .strictObject({
    connectMs: z
      .int(msg`Whole milliseconds`)
      .min(100, msg`At least 100 ms`)
      .max(60_000, msg`At most 60,000 ms`)
      .optional()
      .describe("TCP and TLS connect timeout (default 5,000)"),
    readMs: z
      .int(msg`Whole milliseconds`)
      .min(100, msg`At least 100 ms`)
      .max(300_000, msg`At most 300,000 ms`)
      .optional()
      .describe("Longest wait for the answer's headers and between body chunks (default 30,000)"),
  })
  .describe("Per-connection timeouts");

export const ParallelRequestsSchema = z
  .int(msg`A whole number of requests`)
  .min(1, msg`At least 1`)
  .max(64, msg`At most 64`)
  .describe(
    "Most requests at the appliance at once (default 16); fewer are sent while the appliance shows it takes fewer",
  );

const username = text(msg`Enter the user name`).trim().min(1, msg`Enter the user name`).max(254);

/** Kalliope's X-authenticate grammar forbids `@` and `"` in Username and Domain (notes §1.5). */
const kalliopeName = (missing: string) =>
  text(missing)
    .trim()
    .min(1, missing)
    .max(254)
    .refine((value) => !/[@"]/.test(value), msg`May not contain @ or "`);

/**
 * An IANA zone the runtime knows; `example` is one near the appliance's users, for the error message. There
 * is no default: a silent UTC is wrong for most sites, and a wrong zone breaks signatures and day edges.
 */
const ianaTimeZone = (example: string) =>
  text(msg`Enter the appliance's IANA time zone, e.g. ${example}`)
    .trim()
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat("en-US", { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, msg`Use an IANA time zone such as ${example} or UTC`);

const timeZone = ianaTimeZone("Asia/Kuala_Lumpur").describe(
  "The appliance's IANA time zone (required): Kiwire checks the signed time in its local wall-clock time",
);

/** Kiwire: what the QR code on each printed voucher holds (lib/voucher-qr.ts). Not a secret: it is printed. */
export const VoucherQrSchema = z
  .discriminatedUnion(
    "content",
    [
      z.strictObject({ content: z.literal("code") }),
      z.strictObject({
        content: z.literal("portal-url"),
        template: text(msg`Enter the portal URL with ${CODE_PLACEHOLDER} where the voucher code goes`)
          .trim()
          .superRefine((template, context) => {
            const problem = portalTemplateProblem(template);
            if (problem) context.addIssue({ code: "custom", message: problem });
          })
          .describe(
            `The hotspot portal's login URL (http or https) with ${CODE_PLACEHOLDER} where the voucher code goes; the code is URL-encoded into it`,
          ),
      }),
    ],
    {
      error: (issue) =>
        issue.code === "invalid_union" ? msg`content must be "code" or "portal-url"` : undefined,
    },
  )
  .describe(
    "What the QR code on each printed voucher holds: the voucher code alone (default), or a portal URL made from a template",
  );

/**
 * The per-kind objects, parameterised by how a secret is given (a string in the API, a string or an
 * environment reference in the connections file) and by whether an id is required.
 */
function kindSchemas<TSecret extends z.ZodType, TId extends z.ZodType>(
  secret: (missing: string) => TSecret,
  id: TId,
) {
  const common = (kind: ConnectionKind) => ({
    id,
    name: NameSchema,
    baseUrl: baseUrl(kind),
    tls: TlsSchema.optional(),
    timeouts: TimeoutsSchema.optional(),
    parallelRequests: ParallelRequestsSchema.optional(),
  });
  const kerio = <K extends "kerio-operator" | "kerio-connect" | "kerio-control">(kind: K) =>
    z.strictObject({
      kind: z.literal(kind),
      ...common(kind),
      username: username.describe("Administrator login, e.g. Admin (Connect: user or user@domain)"),
      password: secret(msg`Enter the password`),
    });
  return {
    "kerio-operator": kerio("kerio-operator"),
    "kerio-connect": kerio("kerio-connect"),
    "kerio-control": kerio("kerio-control"),
    kiwire: z.strictObject({
      kind: z.literal("kiwire"),
      ...common("kiwire"),
      username: username.describe("API login (a Kiwire admin)"),
      password: secret(msg`Enter the password`),
      apiKey: secret(msg`Enter the API key (Integrations → API → Authentication Key)`),
      cloudId: text(msg`Enter the cloud ID (tenant code)`)
        .trim()
        .min(1, msg`Enter the cloud ID (tenant code)`)
        .max(64)
        .describe("Tenant code (cloud_id)"),
      timeZone,
      timeFormat: z
        .enum(KIWIRE_TIME_FORMATS, { error: msg`timeFormat must be YmdHis or Y-m-d H:i:s` })
        .optional()
        .describe("Spelling of the signed time (default YmdHis)"),
      signing: z
        .enum(KIWIRE_SIGNING_MODES, { error: msg`signing must be md5 or raw` })
        .optional()
        .describe(
          "md5 (default): api_key = md5(key + token + time); raw: the key itself, for older appliances",
        ),
      indexRefreshMinutes: z
        .int("indexRefreshMinutes must be a whole number of minutes")
        .min(1, "indexRefreshMinutes must be at least 1")
        .max(1440, "indexRefreshMinutes must be at most 1440 (a day)")
        .optional()
        .describe(
          "Minutes between background re-reads of the voucher and user tables into the console's index (default 5)",
        ),
      voucherQr: VoucherQrSchema.optional(),
    }),
    kalliope: z.strictObject({
      kind: z.literal("kalliope"),
      ...common("kalliope"),
      username: kalliopeName(msg`Enter the user name`).describe(
        "A user with the API permission (privacyadmin sees full numbers)",
      ),
      password: secret(msg`Enter the password`),
      domain: kalliopeName(msg`Enter the tenant domain`)
        .optional()
        .describe("Tenant domain (default `default`)"),
      timeZone: ianaTimeZone("Europe/Rome").describe(
        "The PBX's IANA time zone (required): its call times and days are local wall-clock time, daylight saving included",
      ),
    }),
    kayako: z.strictObject({
      kind: z.literal("kayako"),
      ...common("kayako"),
      apiKey: secret(msg`Enter the API key (Admin CP → REST API → API Information)`),
      secretKey: secret(msg`Enter the secret key (Admin CP → REST API → API Information)`),
    }),
  };
}

const kindError = (issue: z.core.$ZodRawIssue) =>
  issue.code === "invalid_union" ? msg`kind must be one of ${CONNECTION_KINDS.join(", ")}` : undefined;

const apiSecret = (missing: string) =>
  text(missing)
    .min(1, missing)
    .max(4096, msg`At most 4,096 characters`)
    .describe("Write-only: never returned, stored encrypted");

const apiKinds = kindSchemas(apiSecret, ConnectionIdSchema.optional());

export const CreateConnectionSchema = z
  .discriminatedUnion(
    "kind",
    [
      apiKinds["kerio-operator"],
      apiKinds["kerio-connect"],
      apiKinds["kerio-control"],
      apiKinds.kiwire,
      apiKinds.kalliope,
      apiKinds.kayako,
    ],
    { error: kindError },
  )
  .superRefine(checkTransport);
export type CreateConnectionInput = z.infer<typeof CreateConnectionSchema>;

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** A connection's full configuration, secrets included, as the server holds it after validation. */
export type ConnectionConfig = DistributiveOmit<CreateConnectionInput, "id">;

/**
 * PATCH body: the connection's kind (it cannot change) plus only the fields to change. A secret left out
 * keeps its stored value; sending one replaces it.
 */
export const UpdateConnectionSchema = z.discriminatedUnion(
  "kind",
  [
    apiKinds["kerio-operator"].omit({ id: true }).partial().required({ kind: true }),
    apiKinds["kerio-connect"].omit({ id: true }).partial().required({ kind: true }),
    apiKinds["kerio-control"].omit({ id: true }).partial().required({ kind: true }),
    apiKinds.kiwire.omit({ id: true }).partial().required({ kind: true }),
    apiKinds.kalliope.omit({ id: true }).partial().required({ kind: true }),
    apiKinds.kayako.omit({ id: true }).partial().required({ kind: true }),
  ],
  {
    error: (issue) =>
      issue.code === "invalid_union"
        ? msg`kind must be the connection's kind, one of ${CONNECTION_KINDS.join(", ")}`
        : undefined,
  },
);
export type UpdateConnectionInput = z.infer<typeof UpdateConnectionSchema>;

/** A secret in the connections file: inline, or read from the environment at start-up. */
export const EnvReferenceSchema = z.strictObject({
  env: text(msg`Name the environment variable`).regex(
    /^[A-Za-z_][A-Za-z0-9_]*$/,
    msg`An environment variable name: letters, digits and _`,
  ),
});
export type EnvReference = z.infer<typeof EnvReferenceSchema>;

const fileSecret = (missing: string) =>
  z.union([text(missing).min(1, missing), EnvReferenceSchema], {
    error: (issue) => {
      if (issue.code !== "invalid_union") return undefined;
      return issue.input === undefined
        ? missing
        : msg`Give the secret as a string or as {"env": "VARIABLE_NAME"}`;
    },
  });

const fileKinds = kindSchemas(fileSecret, ConnectionIdSchema);

/** One entry of CONNECTIONS_FILE. */
export const FileConnectionSchema = z
  .discriminatedUnion(
    "kind",
    [
      fileKinds["kerio-operator"],
      fileKinds["kerio-connect"],
      fileKinds["kerio-control"],
      fileKinds.kiwire,
      fileKinds.kalliope,
      fileKinds.kayako,
    ],
    { error: kindError },
  )
  .superRefine(checkTransport);
export type FileConnectionEntry = z.infer<typeof FileConnectionSchema>;

export const ConnectionsFileSchema = z.strictObject({
  connections: z.array(z.unknown(), { error: msg`The file must be {"connections": [ ... ]}` }),
});

// ---------------------------------------------------------------------------------------------------------
// What leaves the server

export const SecretStateSchema = z
  .object({ set: z.literal(true) })
  .describe("Secrets are write-only: only the fact that one is set is ever shown");

export const HealthSchema = z.object({
  state: z.enum(HEALTH_STATES).describe("ok, failing, or unknown (not checked yet)"),
  checkedAt: z.iso.datetime().nullable(),
  latencyMs: z.number().int().nullable(),
  outcome: z.enum(TEST_OUTCOMES).nullable(),
  message: z.string().nullable().describe("What the last check found, for a person"),
});
export type HealthDto = z.infer<typeof HealthSchema>;

export const ConnectionSettingsSchema = z
  .object({
    baseUrl: z.string(),
    tls: TlsSchema,
    timeouts: z.object({ connectMs: z.number().int(), readMs: z.number().int() }),
    parallelRequests: z.int().optional().describe("Unset: the default, 16"),
    username: z.string().optional(),
    domain: z.string().optional(),
    cloudId: z.string().optional(),
    timeZone: z.string().optional(),
    timeFormat: z.enum(KIWIRE_TIME_FORMATS).optional(),
    signing: z.enum(KIWIRE_SIGNING_MODES).optional(),
    indexRefreshMinutes: z.int().optional(),
    voucherQr: VoucherQrSchema.optional(),
    password: SecretStateSchema.optional(),
    apiKey: SecretStateSchema.optional(),
    secretKey: SecretStateSchema.optional(),
  })
  .describe("The connection's settings; only for roles with connections.manage");
export type ConnectionSettingsDto = z.infer<typeof ConnectionSettingsSchema>;

export const ConnectionSchema = z.object({
  id: z.string(),
  kind: z.enum(CONNECTION_KINDS),
  name: z.string(),
  source: z.enum(["file", "console"]).describe("file: declared in CONNECTIONS_FILE, read-only here"),
  insecure: z
    .boolean()
    .describe(
      "Nothing checks who answers for this connection: TLS mode insecure, or a plain http:// address",
    ),
  insecureReason: z
    .enum(INSECURE_REASONS)
    .nullable()
    .describe(
      "Why the connection is insecure: tls_unverified (TLS mode insecure) or plain_http; null when not",
    ),
  health: HealthSchema,
  settings: ConnectionSettingsSchema.optional(),
  createdAt: z.iso.datetime().nullable().optional(),
  updatedAt: z.iso.datetime().nullable().optional(),
});
export type ConnectionDto = z.infer<typeof ConnectionSchema>;

export const CertificateSchema = z.object({
  fingerprint256: z.string().describe("What to pin: AB:CD:…"),
  subject: z.string(),
  issuer: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  selfSigned: z.boolean(),
  trusted: z.boolean().describe("The chain verified against the system CAs (and the connection's CA)"),
  problem: z.string().nullable().describe("Why it is not trusted, e.g. DEPTH_ZERO_SELF_SIGNED_CERT"),
});
export type CertificateDto = z.infer<typeof CertificateSchema>;

export const ClockComparisonSchema = z
  .object({
    applianceTime: z.iso
      .datetime()
      .describe("The appliance's clock, from the HTTP Date header of its answer"),
    consoleTime: z.iso.datetime().describe("The console's clock when that answer arrived"),
    skewSeconds: z.number().int().describe("Appliance minus console; positive when the appliance is ahead"),
    timeZone: z.string().nullable().describe("The zone the connection is set to (null: not set yet)"),
    applianceWallClock: z
      .string()
      .describe(
        "The appliance's clock as wall time in that zone (UTC while none is set), YYYY-MM-DD HH:MM:SS, to compare with its own display",
      ),
    problem: z
      .string()
      .nullable()
      .describe("What the difference breaks (signatures, day boundaries), if anything"),
  })
  .describe("The appliance's clock against the console's, for kinds whose signatures or days depend on it");
export type ClockComparisonDto = z.infer<typeof ClockComparisonSchema>;

export const ConnectionTestResultSchema = z.object({
  ok: z.boolean(),
  outcome: z.enum(TEST_OUTCOMES),
  message: z.string().describe("What happened and what to do, for a person"),
  latencyMs: z.number().int(),
  checkedAt: z.iso.datetime(),
  certificate: CertificateSchema.nullable().describe("The server's certificate, when one was presented"),
  detail: z.string().nullable().describe("What the appliance said on success, e.g. its firmware version"),
  clock: ClockComparisonSchema.nullable().describe(
    "Kiwire and KalliopePBX: the clocks compared, when the appliance sent a Date header",
  ),
});
export type ConnectionTestResultDto = z.infer<typeof ConnectionTestResultSchema>;

export const ConnectionIdParams = z.strictObject({ id: ConnectionIdSchema });

export const listConnections = defineOperation({
  operationId: "listConnections",
  summary: "List vendor connections with their health (settings only for connections.manage)",
  tag: "Connections",
  permission: "connections.read",
  response: z.object({ items: z.array(ConnectionSchema) }),
});

export const getConnection = defineOperation({
  operationId: "getConnection",
  summary: "One vendor connection with its health (settings only for connections.manage)",
  tag: "Connections",
  permission: "connections.read",
  params: ConnectionIdParams,
  response: ConnectionSchema,
});

export const createConnection = defineOperation({
  operationId: "createConnection",
  summary: "Add a vendor connection; its secrets are stored encrypted and never returned",
  tag: "Connections",
  permission: "connections.manage",
  body: CreateConnectionSchema,
  response: ConnectionSchema,
  successStatus: 201,
  audit: { action: "connections.create", resource: "connection" },
});

export const updateConnection = defineOperation({
  operationId: "updateConnection",
  summary: "Change a connection's settings or replace a secret (connections from the file are read-only)",
  tag: "Connections",
  permission: "connections.manage",
  params: ConnectionIdParams,
  body: UpdateConnectionSchema,
  response: ConnectionSchema,
  audit: { action: "connections.update", resource: "connection" },
});

export const deleteConnection = defineOperation({
  operationId: "deleteConnection",
  summary: "Remove a connection and its stored secrets (connections from the file are read-only)",
  tag: "Connections",
  permission: "connections.manage",
  params: ConnectionIdParams,
  response: ConnectionSchema,
  audit: { action: "connections.delete", resource: "connection" },
});

export const testConnection = defineOperation({
  operationId: "testConnection",
  summary:
    "Log in to the appliance with the stored settings and report latency, the certificate, and a fix on failure",
  tag: "Connections",
  permission: "connections.manage",
  params: ConnectionIdParams,
  response: ConnectionTestResultSchema,
  audit: { action: "connections.test", resource: "connection" },
});
