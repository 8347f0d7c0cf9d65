import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

/**
 * The `X-authenticate` scheme of KalliopePBX v4 ("RestApiUsernameToken", document §1.3, notes §1.1–1.5).
 * The same functions sign (tests, users' scripts) and verify (the simulator), so both follow one formula.
 */

/** `digestPassword = hex(sha256(password + "{" + salt + "}"))`; the braces are part of the hashed string. */
export function digestPassword(password: string, salt: string): string {
  return createHash("sha256").update(`${password}{${salt}}`, "utf8").digest("hex");
}

/** `Digest = base64(sha256binary(Nonce + digestPassword + Username + Domain + Created))`, no delimiters. */
export function computeDigest(
  nonce: string,
  passwordDigest: string,
  username: string,
  domain: string,
  created: string,
): string {
  return createHash("sha256")
    .update(nonce + passwordDigest + username + domain + created, "utf8")
    .digest("base64");
}

/** `YYYY-MM-DDThh:mm:ssZ` in UTC, without milliseconds (the regex of notes §1.5 refuses fractions). */
export function formatCreated(utcMs: number): string {
  return new Date(utcMs).toISOString().replace(/\.\d{3}Z$/, "Z");
}

export interface SignOptions {
  username: string;
  domain: string;
  /** Either the clear password plus the tenant salt, or a precomputed digestPassword. */
  password?: string;
  salt?: string;
  digestPassword?: string;
  /** Defaults to 32 random lower-case hex characters, like the vendor's PHP client (md5 output). */
  nonce?: string;
  /** Defaults to the current real time; pass the simulator clock's time to sign "on the PBX's clock". */
  created?: string;
}

/** Builds the value of an `X-authenticate` header. */
export function buildXAuthenticate(options: SignOptions): string {
  const passwordDigest =
    options.digestPassword ??
    (options.password !== undefined && options.salt !== undefined
      ? digestPassword(options.password, options.salt)
      : undefined);
  if (passwordDigest === undefined)
    throw new Error("buildXAuthenticate needs digestPassword or password + salt");
  const nonce = options.nonce ?? randomBytes(16).toString("hex");
  const created = options.created ?? formatCreated(Date.now());
  const digest = computeDigest(nonce, passwordDigest, options.username, options.domain, created);
  return `RestApiUsernameToken Username="${options.username}", Domain="${options.domain}", Digest="${digest}", Nonce="${nonce}", Created="${created}"`;
}

/**
 * The vendor's validation regex (regex101.com/r/IEgL5V/1, copy in notes §1.5), anchored: the published
 * pattern has no anchors, but a strict simulator refuses leading or trailing garbage. `Domain` may be
 * empty, exactly as the original `([^"@]+){0,1}` allows.
 */
export const X_AUTHENTICATE_PATTERN =
  /^RestApiUsernameToken Username="([^"@]+)", Domain="([^"@]*)", Digest="([^"]+)", Nonce="([^"]+)", Created="(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)"$/;

export interface XAuthenticateFields {
  username: string;
  domain: string;
  digest: string;
  nonce: string;
  created: string;
  /** `created` as UTC milliseconds. */
  createdMs: number;
}

/** Parses a header value; null when it does not match the vendor regex or its parts are invalid. */
export function parseXAuthenticate(value: string): XAuthenticateFields | null {
  const match = X_AUTHENTICATE_PATTERN.exec(value.trim());
  if (!match) return null;
  const [, username, domain, digest, nonce, created] = match as unknown as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  // The document: "una stringa casuale esadecimale ... di lunghezza almeno pari a 8 caratteri".
  if (!/^[0-9a-fA-F]{8,}$/.test(nonce)) return null;
  const createdMs = Date.parse(created);
  // Date.parse rolls impossible dates over (or not, depending on the engine); a round trip refuses them.
  if (Number.isNaN(createdMs) || formatCreated(createdMs) !== created) return null;
  return { username, domain, digest, nonce, created, createdMs };
}

/** Constant-time comparison of two digests (base64 strings). */
export function digestsEqual(expected: string, received: string): boolean {
  const a = Buffer.from(expected, "utf8");
  const b = Buffer.from(received, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Nonces seen recently. The document keeps each nonce for its 5-minute validity; this store keeps it until
 * 5 minutes after the later of "first seen" and its `Created`, so that the very same header can never be
 * accepted twice, even when the client's clock ran ahead of the PBX's.
 */
export class NonceStore {
  private readonly expiries = new Map<string, number>();
  private lastSweepMs = Number.NEGATIVE_INFINITY;

  constructor(private readonly ttlMs: number) {}

  /** True when the nonce is still remembered at `nowMs`. */
  has(key: string, nowMs: number): boolean {
    const expiry = this.expiries.get(key);
    return expiry !== undefined && expiry > nowMs;
  }

  remember(key: string, nowMs: number, createdMs: number): void {
    this.sweep(nowMs);
    this.expiries.set(key, Math.max(nowMs, createdMs) + this.ttlMs);
  }

  get size(): number {
    return this.expiries.size;
  }

  /** Forgets expired nonces at most once per second of simulator time, so memory stays bounded. */
  private sweep(nowMs: number): void {
    if (Math.abs(nowMs - this.lastSweepMs) < 1000) return;
    this.lastSweepMs = nowMs;
    for (const [key, expiry] of this.expiries) if (expiry <= nowMs) this.expiries.delete(key);
  }
}

/** Why a request was refused; the PBX does not say (notes §1.7), the simulator records it for tests and logs. */
export type AuthFailureReason =
  | "missing-header"
  | "malformed-header"
  | "unknown-tenant"
  | "unknown-user"
  | "no-api-permission"
  | "created-out-of-window"
  | "replayed-nonce"
  | "bad-digest";

export interface KalliopeUser {
  username: string;
  password: string;
  /** Sees full external numbers in the CDR (the `privacyadmin` role, notes §1.6); others see `xxx`. */
  privacy: boolean;
  /** Users without the API permission cannot call the REST API at all (notes §1.1). */
  api: boolean;
}

export interface KalliopeTenant {
  domain: string;
  salt: string;
  users: KalliopeUser[];
}

export type AuthResult =
  | { ok: true; tenant: KalliopeTenant; user: KalliopeUser }
  | { ok: false; reason: AuthFailureReason; username?: string; domain?: string };

export interface VerifierOptions {
  tenants: readonly KalliopeTenant[];
  /** Allowed distance between `Created` and the PBX clock, and the nonce memory, in seconds (document: 5 min). */
  windowSeconds: number;
}

/**
 * Verifies `X-authenticate` headers in the order of notes §4.2: format, tenant and user (with the API
 * permission), `Created` window, nonce replay, digest. A nonce is remembered only once the header verified,
 * so a client that got its digest wrong can retry with the same nonce: replay protects valid headers.
 */
export function createVerifier(options: VerifierOptions) {
  const windowMs = options.windowSeconds * 1000;
  const nonces = new NonceStore(windowMs);
  const byDomain = new Map(options.tenants.map((tenant) => [tenant.domain, tenant]));
  const digestPasswords = new Map<KalliopeUser, string>();
  for (const tenant of options.tenants) {
    for (const user of tenant.users) digestPasswords.set(user, digestPassword(user.password, tenant.salt));
  }

  function verify(header: string | string[] | undefined, nowMs: number): AuthResult {
    if (header === undefined || header === "") return { ok: false, reason: "missing-header" };
    // Two X-authenticate headers are one header too many: node joins them, the regex then fails.
    const fields = parseXAuthenticate(Array.isArray(header) ? header.join(", ") : header);
    if (!fields) return { ok: false, reason: "malformed-header" };
    const { username, domain } = fields;
    // A login without a domain falls into `default` (notes §1.6); the digest still uses the literal value.
    const tenant = byDomain.get(domain === "" ? "default" : domain);
    if (!tenant) return { ok: false, reason: "unknown-tenant", username, domain };
    const user = tenant.users.find((candidate) => candidate.username === username);
    if (!user) return { ok: false, reason: "unknown-user", username, domain };
    if (!user.api) return { ok: false, reason: "no-api-permission", username, domain };
    if (Math.abs(nowMs - fields.createdMs) > windowMs) {
      return { ok: false, reason: "created-out-of-window", username, domain };
    }
    const nonceKey = `${tenant.domain}\u0000${username}\u0000${fields.nonce}`;
    if (nonces.has(nonceKey, nowMs)) return { ok: false, reason: "replayed-nonce", username, domain };
    const expected = computeDigest(
      fields.nonce,
      digestPasswords.get(user) ?? "",
      username,
      domain,
      fields.created,
    );
    if (!digestsEqual(expected, fields.digest)) return { ok: false, reason: "bad-digest", username, domain };
    nonces.remember(nonceKey, nowMs, fields.createdMs);
    return { ok: true, tenant, user };
  }

  return { verify, nonces };
}

export type Verifier = ReturnType<typeof createVerifier>;
