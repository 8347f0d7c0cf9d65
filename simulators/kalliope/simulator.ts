import type { IncomingMessage, ServerResponse } from "node:http";
import { BodyTooLargeError, readBody } from "../shared/body";
import { createClock } from "../shared/clock";
import { type Faults, type Handler, NO_FAULTS, withFaults } from "../shared/faults";
import { createRandom } from "../shared/random";
import { listen } from "../shared/server";
import type { RunningSimulator, SimulatorOptions } from "../shared/types";
import { type AuthFailureReason, createVerifier, type KalliopeTenant, type KalliopeUser } from "./auth";
import { CdrStore, hashSeed } from "./cdr-data";
import {
  type DetailedLayout,
  type Negotiated,
  negotiate,
  type OutputType,
  serializerFor,
  viewOf,
} from "./cdr-format";
import { CDR_FORMATS, type CdrFilter, CdrRequestError, filterFromBody, filterFromPath } from "./cdr-query";
import { dayNumberOf, fixedOffsetZone, ianaZone, isoDateOfDay, type PbxZone, SECONDS_PER_DAY } from "./dates";

/** The salt of the document's worked example (§1.3): the default tenant uses it, so the example verifies. */
export const DOCUMENT_SALT = "b5a8fdcf2f8d5acdad33c4a072a97d7a";

export interface KalliopeSimulatorOptions extends SimulatorOptions {
  /** Mean calls per day per tenant; default 3700, which puts 300,000+ calls in the default 92 days. */
  callsPerDay?: number;
  /** Days of history ending on `today` (inclusive); default 92 (three months). */
  days?: number;
  /** Last day with data, `YYYY-MM-DD`; default: the simulator clock's current date, read on each request. */
  today?: string;
  /** Weekday/weekend/holiday volumes with ±10 % noise (default true); false: exactly callsPerDay a day. */
  dailyVariation?: boolean;
  /** PBX local time minus UTC in minutes, for CDR times and date filters; default 0 (the PBX runs on UTC). */
  utcOffsetMinutes?: number;
  /**
   * The PBX's IANA time zone (e.g. Europe/Rome) instead of `utcOffsetMinutes`: CDR times are its wall clock,
   * daylight-saving changes included (no calls in the skipped spring hour; ids follow the real instants).
   */
  timeZone?: string;
  /** Tenants with their salts and users; default: `default` (the document's salt) and `sampledomain`. */
  tenants?: KalliopeTenant[];
  /** `Created` tolerance and nonce memory in seconds; the document says 5 minutes (default 300). */
  createdWindowSeconds?: number;
  /** Status of every authentication failure; the PBX's is undocumented (notes §1.7), default 401. */
  authFailureStatus?: number;
  /** Message of every authentication failure (the same for all reasons, as the PBX tells none). */
  authFailureMessage?: string;
  /** Generated days kept in memory (default 4). */
  cacheDays?: number;
  /** Body of `GET /rest/dashboard/firmwareVersion` (default "4.9.9"). */
  firmwareVersion?: string;
  /** Print each refused request's reason on stderr (the CLI turns this on). */
  logAuthFailures?: boolean;
  /** How `detailed` JSON and XML lay out a call's path (notes §2.5: unknown); default `nested`. */
  detailedLayout?: DetailedLayout;
  /**
   * `negotiated` (default) answers CDRs in the type `Accept` asks for; `json`, `xml` or `csv` always answer that
   * type, as a PBX would that does not know the Accept strings a client sends (notes §2.3: inferred).
   */
  cdrOutput?: CdrOutput;
  /** `negotiated` (default): JSON salt when asked; `xml`: always the XML salt, like older firmware (notes §1.4). */
  saltAnswer?: "negotiated" | "xml";
}

export type CdrOutput = "negotiated" | OutputType;
export const CDR_OUTPUTS: readonly CdrOutput[] = ["negotiated", "json", "xml", "csv"];

export type KalliopeCredentials = { username: string; password: string; domain: string };

export interface AuthFailureRecord {
  atMs: number;
  method: string;
  path: string;
  reason: AuthFailureReason;
  username?: string;
  domain?: string;
}

export interface RunningKalliopeSimulator extends RunningSimulator {
  kind: "kalliope";
  /** The user with privacy rights (`privacyadmin`): sees full numbers. */
  credentials: KalliopeCredentials;
  /** The user without privacy rights (`admin`): sees external numbers ending in `xxx`. */
  unprivilegedCredentials: KalliopeCredentials;
  tenants: readonly KalliopeTenant[];
  /** The lazily generated calls (per tenant and day), for tests to compare with what the API returns. */
  cdr: CdrStore;
  /** The latest refused requests and why (most recent last, at most 200). */
  authFailures: AuthFailureRecord[];
  /** Days that hold calls, as day numbers (days since 1970-01-01) on the current simulator clock. */
  dataWindow(): { firstDay: number; lastDay: number; first: string; last: string };
  /** Calls the default data set holds over the window, counted without generating them. */
  totalCalls(domain?: string): number;
  /** Nonces currently remembered against replay. */
  rememberedNonces(): number;
}

export const DEFAULTS = {
  seed: 1,
  callsPerDay: 3700,
  days: 92,
  cacheDays: 4,
  createdWindowSeconds: 300,
  authFailureStatus: 401,
  authFailureMessage: "Authentication failed",
  firmwareVersion: "4.9.9",
  detailedLayout: "nested",
  cdrOutput: "negotiated",
  saltAnswer: "negotiated",
} as const;

const FIXED_TYPES: Record<OutputType, string> = {
  json: "application/json; charset=UTF-8",
  xml: "application/xml; charset=UTF-8",
  csv: "text/csv; charset=UTF-8",
};

/**
 * Predefined users (notes §1.6): `privacyadmin` sees full numbers, `admin` sees them masked, `phonebook`
 * has no API permission. `admin`/`admin` on tenant `default` is the document's own example.
 */
function defaultTenants(seed: number): KalliopeTenant[] {
  const users = (): KalliopeUser[] => [
    { username: "privacyadmin", password: "privacyadmin", privacy: true, api: true },
    { username: "admin", password: "admin", privacy: false, api: true },
    { username: "phonebook", password: "phonebook", privacy: false, api: false },
  ];
  const random = createRandom(hashSeed(seed, "salts"));
  return [
    { domain: "default", salt: DOCUMENT_SALT, users: users() },
    { domain: "sampledomain", salt: random.hex(32), users: users() },
  ];
}

function positiveInteger(name: string, value: number, min: number): number {
  if (!Number.isInteger(value) || value < min)
    throw new Error(`${name} must be an integer >= ${min}, got ${value}`);
  return value;
}

type Output = "json" | "xml" | "text";

function outputFor(req: IncomingMessage): Output {
  const accept = (req.headers.accept ?? "").toLowerCase();
  if (accept.includes("json")) return "json";
  if (accept.includes("xml") || accept === "" || accept.includes("*/*")) return "xml";
  return "text";
}

/**
 * Error bodies follow the PBX's Symfony/FOSRest stack as a best guess (the real bodies are undocumented,
 * notes §1.7): `{"code":N,"message":"..."}` in JSON, `<result>` in XML, plain text otherwise.
 */
function sendError(req: IncomingMessage, res: ServerResponse, status: number, message: string, headers = {}) {
  // Unread request bodies are drained so the connection stays usable for the client's next request.
  req.resume();
  const output = outputFor(req);
  if (output === "json") {
    res.writeHead(status, { ...headers, "content-type": "application/json; charset=UTF-8" });
    res.end(JSON.stringify({ code: status, message }));
  } else if (output === "xml") {
    res.writeHead(status, { ...headers, "content-type": "application/xml; charset=UTF-8" });
    const escaped = message.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
    res.end(`<?xml version="1.0"?>\n<result><code>${status}</code><message>${escaped}</message></result>\n`);
  } else {
    res.writeHead(status, { ...headers, "content-type": "text/plain; charset=UTF-8" });
    res.end(message);
  }
}

/** Characters buffered before a write. */
const WRITE_CHUNK = 256 * 1024;

function waitForDrain(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}

export async function startKalliopeSimulator(
  options: KalliopeSimulatorOptions = {},
): Promise<RunningKalliopeSimulator> {
  const seed = options.seed ?? DEFAULTS.seed;
  const callsPerDay = options.callsPerDay ?? DEFAULTS.callsPerDay;
  if (!Number.isFinite(callsPerDay) || callsPerDay < 0) {
    throw new Error(`callsPerDay must be a non-negative number, got ${callsPerDay}`);
  }
  const days = positiveInteger("days", options.days ?? DEFAULTS.days, 1);
  const utcOffsetMinutes = options.utcOffsetMinutes ?? 0;
  if (!Number.isInteger(utcOffsetMinutes) || Math.abs(utcOffsetMinutes) > 14 * 60) {
    throw new Error(`utcOffsetMinutes must be an integer between -840 and 840, got ${utcOffsetMinutes}`);
  }
  let zone: PbxZone = fixedOffsetZone(utcOffsetMinutes);
  if (options.timeZone !== undefined) {
    try {
      zone = ianaZone(options.timeZone);
    } catch {
      throw new Error(`timeZone must be an IANA time zone such as Europe/Rome, got "${options.timeZone}"`);
    }
  }
  const fixedToday = options.today === undefined ? null : dayNumberOf(options.today);
  if (fixedToday === null && options.today !== undefined) {
    throw new Error(`today must be a date YYYY-MM-DD, got "${options.today}"`);
  }
  const windowSeconds = positiveInteger(
    "createdWindowSeconds",
    options.createdWindowSeconds ?? DEFAULTS.createdWindowSeconds,
    1,
  );
  const authFailureStatus = options.authFailureStatus ?? DEFAULTS.authFailureStatus;
  const authFailureMessage = options.authFailureMessage ?? DEFAULTS.authFailureMessage;
  const firmwareVersion = options.firmwareVersion ?? DEFAULTS.firmwareVersion;
  const detailedLayout = options.detailedLayout ?? DEFAULTS.detailedLayout;
  const cdrOutput = options.cdrOutput ?? DEFAULTS.cdrOutput;
  const saltAnswer = options.saltAnswer ?? DEFAULTS.saltAnswer;
  if (!Number.isInteger(authFailureStatus) || authFailureStatus < 400 || authFailureStatus > 499) {
    throw new Error(`authFailureStatus must be a 4xx status, got ${authFailureStatus}`);
  }
  const tenants = options.tenants ?? defaultTenants(seed);
  if (!tenants.some((tenant) => tenant.domain === "default")) {
    throw new Error(
      'tenants must include the "default" domain (the one a login without a domain falls into)',
    );
  }

  const clock = createClock(options.clockOffsetMs ?? 0);
  const faults: Faults = { ...NO_FAULTS, ...options.faults };
  const stats = { requests: 0, logins: 0 };
  const verifier = createVerifier({ tenants, windowSeconds });
  const cdr = new CdrStore({
    seed,
    callsPerDay,
    dailyVariation: options.dailyVariation ?? true,
    utcOffsetMinutes,
    timeZone: options.timeZone,
    cacheDays: positiveInteger("cacheDays", options.cacheDays ?? DEFAULTS.cacheDays, 1),
  });
  const authFailures: AuthFailureRecord[] = [];
  const serialNumber = `KPBX${createRandom(hashSeed(seed, "serial")).hex(10).toUpperCase()}`;

  const nowLocal = () => zone.localSecondsAt(clock.now());
  const dataWindow = () => {
    const lastDay = fixedToday ?? Math.floor(nowLocal() / SECONDS_PER_DAY);
    const firstDay = lastDay - days + 1;
    return { firstDay, lastDay, first: isoDateOfDay(firstDay), last: isoDateOfDay(lastDay) };
  };

  function salt(req: IncomingMessage, res: ServerResponse, domain: string): void {
    if (req.method !== "GET") {
      sendError(req, res, 405, `Method ${req.method} Not Allowed`, { allow: "GET" });
      return;
    }
    const tenant = tenants.find((candidate) => candidate.domain === domain);
    if (!tenant) {
      sendError(req, res, 404, `Tenant "${domain}" not found`);
      return;
    }
    // Fetching the salt is what a console does once per session: the closest thing to a login here.
    stats.logins += 1;
    if (saltAnswer === "negotiated" && (req.headers.accept ?? "").toLowerCase().includes("json")) {
      res.writeHead(200, { "content-type": "application/json; charset=UTF-8" });
      res.end(JSON.stringify({ salt: tenant.salt }));
      return;
    }
    // Without a JSON Accept the answer is XML with a <salt> child (notes §1.4, root element inferred).
    res.writeHead(200, { "content-type": "application/xml; charset=UTF-8" });
    res.end(`<?xml version="1.0"?>\n<response><salt>${tenant.salt}</salt></response>\n`);
  }

  async function cdrRoute(
    req: IncomingMessage,
    res: ServerResponse,
    segments: readonly string[],
    tenant: KalliopeTenant,
    user: KalliopeUser,
  ): Promise<void> {
    const [formatName, ...dateSegments] = segments;
    // Own keys only: "constructor" or "__proto__" must not pass for a format.
    const format =
      formatName !== undefined && Object.hasOwn(CDR_FORMATS, formatName)
        ? CDR_FORMATS[formatName]
        : undefined;
    if (format === undefined) {
      const known = Object.keys(CDR_FORMATS).join(", ");
      sendError(
        req,
        res,
        404,
        formatName ? `Unknown CDR format "${formatName}" (one of ${known})` : "Not Found",
      );
      return;
    }
    // A trailing slash or an empty segment matches no route, as in the PBX's router.
    if (dateSegments.length > 3 || dateSegments.includes("")) {
      sendError(req, res, 404, "Not Found");
      return;
    }
    if (req.method !== "GET" && req.method !== "POST") {
      sendError(req, res, 405, `Method ${req.method} Not Allowed`, { allow: "GET, POST" });
      return;
    }
    const negotiated: Negotiated | null =
      cdrOutput === "negotiated"
        ? negotiate(req.headers.accept)
        : { type: cdrOutput, contentType: FIXED_TYPES[cdrOutput] };
    if (negotiated === null && format !== "blues_out") {
      sendError(req, res, 406, "Not Acceptable: ask for application/json, application/xml or text/csv");
      return;
    }
    let filter: CdrFilter;
    try {
      if (req.method === "POST") {
        // Only {format} counts in a POST: the path's dates are ignored (document §2.4).
        filter = filterFromBody(await readBody(req), req.headers["content-type"], nowLocal());
      } else {
        filter = filterFromPath(dateSegments, nowLocal());
      }
    } catch (error) {
      if (error instanceof CdrRequestError) {
        sendError(req, res, error.status, error.message);
        return;
      }
      if (error instanceof BodyTooLargeError) {
        sendError(req, res, 413, "Request body too large");
        return;
      }
      throw error;
    }
    const serializer = serializerFor(format, negotiated ?? { type: "xml", contentType: "" }, detailedLayout);
    const nowMs = clock.now();
    const window = dataWindow();
    let fromDay = Math.max(window.firstDay, Math.floor(filter.from / SECONDS_PER_DAY));
    let toDay = Math.min(window.lastDay, Math.floor(filter.to / SECONDS_PER_DAY));
    if (filter.uniqueId !== null) {
      // An id is `epoch.sequence`: only the day of that epoch can hold it, so only that day is generated.
      const match = /^(\d+)\.\d+$/.exec(filter.uniqueId);
      const day = match ? Math.floor(zone.localSecondsAt(Number(match[1]) * 1000) / SECONDS_PER_DAY) : null;
      if (day === null || day < fromDay || day > toDay) toDay = fromDay - 1;
      else fromDay = toDay = day;
    }
    res.writeHead(200, { "content-type": serializer.contentType });
    res.write(serializer.head);
    let index = 0;
    for (let day = fromDay; day <= toDay; day++) {
      let chunk = "";
      for (const call of cdr.callsForDay(tenant.domain, day)) {
        if (call.startLocal < filter.from || call.startLocal > filter.to) continue;
        // The CDR row is written when the call ends: calls still running on the PBX clock are not there yet.
        if (call.endUtcMs > nowMs) continue;
        if (filter.uniqueId !== null && call.summary.id !== filter.uniqueId) continue;
        if (format === "blues_out") {
          if (filter.blues.local && call.direction === "local") continue;
          if (filter.blues.in && call.direction === "in") continue;
          if (filter.blues.out && call.direction === "out") continue;
        }
        chunk += serializer.call(call, viewOf(call, user.privacy), index);
        index += 1;
        // Small writes with backpressure keep a month of detailed XML (200+ MB) from piling up in memory.
        if (chunk.length >= WRITE_CHUNK) {
          if (res.destroyed) return;
          if (!res.write(chunk)) await waitForDrain(res);
          chunk = "";
        }
      }
      if (res.destroyed) return;
      if (chunk !== "" && !res.write(chunk)) await waitForDrain(res);
    }
    res.end(serializer.tail);
  }

  function recordFailure(
    req: IncomingMessage,
    path: string,
    failure: Omit<AuthFailureRecord, "atMs" | "method" | "path">,
  ) {
    const record: AuthFailureRecord = { atMs: clock.now(), method: req.method ?? "", path, ...failure };
    authFailures.push(record);
    if (authFailures.length > 200) authFailures.shift();
    if (options.logAuthFailures) {
      const who = record.username === undefined ? "" : ` user "${record.username}" domain "${record.domain}"`;
      console.error(`[kalliope] refused ${record.method} ${path}: ${record.reason}${who}`);
    }
  }

  const handler: Handler = async (req, res) => {
    const path = new URL(req.url ?? "/", "http://simulator").pathname;
    const segments = path.split("/").slice(1);
    if (segments[0] !== "rest") {
      sendError(req, res, 404, "Not Found");
      return;
    }
    if (segments[1] === "salt" && segments.length === 3) {
      let domain: string;
      try {
        domain = decodeURIComponent(segments[2] ?? "");
      } catch {
        sendError(req, res, 404, "Not Found");
        return;
      }
      salt(req, res, domain);
      return;
    }
    // Everything else under /rest is behind X-authenticate, unknown paths included (firewall before router).
    const auth = verifier.verify(req.headers["x-authenticate"], clock.now());
    if (!auth.ok) {
      recordFailure(req, path, { reason: auth.reason, username: auth.username, domain: auth.domain });
      sendError(req, res, authFailureStatus, authFailureMessage);
      return;
    }
    const [, area, ...rest] = segments;
    if (area === "cdr") {
      await cdrRoute(req, res, rest, auth.tenant, auth.user);
      return;
    }
    if (
      area === "dashboard" &&
      rest.length === 1 &&
      (rest[0] === "firmwareVersion" || rest[0] === "serialNumber")
    ) {
      if (req.method !== "GET") {
        sendError(req, res, 405, `Method ${req.method} Not Allowed`, { allow: "GET" });
        return;
      }
      // A bare string: the vendor's PHP client pastes this body straight into a URL (notes §3).
      res.writeHead(200, { "content-type": "text/plain; charset=UTF-8" });
      res.end(rest[0] === "firmwareVersion" ? firmwareVersion : serialNumber);
      return;
    }
    sendError(req, res, 404, "Not Found");
  };

  const faulty = withFaults(handler, faults, createRandom(seed + 1));
  const listening = await listen((req, res) => {
    stats.requests += 1;
    // The console reads Date to detect clock skew, so it is the simulator clock's, on every answer.
    res.setHeader("Date", new Date(clock.now()).toUTCString());
    return faulty(req, res);
  }, options);

  const privileged = tenants.find((tenant) => tenant.domain === "default")!;
  const pick = (privacy: boolean): KalliopeCredentials => {
    const user = privileged.users.find((candidate) => candidate.api && candidate.privacy === privacy);
    return { username: user?.username ?? "", password: user?.password ?? "", domain: privileged.domain };
  };

  return {
    kind: "kalliope",
    baseUrl: listening.baseUrl,
    credentials: pick(true),
    unprivilegedCredentials: pick(false),
    tls: listening.tls,
    faults,
    clock,
    stats,
    tenants,
    cdr,
    authFailures,
    dataWindow,
    totalCalls: (domain = "default") => {
      const { firstDay, lastDay } = dataWindow();
      let total = 0;
      for (let day = firstDay; day <= lastDay; day++) total += cdr.countForDay(domain, day);
      return total;
    },
    rememberedNonces: () => verifier.nonces.size,
    close: listening.close,
  };
}
