import "server-only";
import { setTimeout as sleep } from "node:timers/promises";
import { Client } from "undici";
import type { CertificateDto, TlsSettings } from "@/lib/api/connections";
import { CONNECTION_DEFAULTS } from "@/lib/connection-kinds";
import { figure, type Text, text } from "@/lib/i18n/api-messages/text";
import { VendorError } from "@/lib/server/errors/vendor-error";
import { logger } from "@/lib/server/logging/logger";
import { ConcurrencyGate, type Outcome, type RequestKind } from "./concurrency";
import { retryAfterMs } from "./retry-after";
import { failedBeforeSending, tlsConnector } from "./tls";

/**
 * The one way the console talks to an appliance: keep-alive sockets per connection carrying its TLS mode,
 * its timeouts, a bound on response size, retries with backoff for idempotent reads (and for writes the
 * appliance turned away unread, waiting what its Retry-After asks) and as many requests at once as the
 * appliance takes. Vendor clients build requests and parse answers; they never open sockets.
 */

export const DEFAULT_MAX_RESPONSE_BYTES = 16 * 1024 * 1024;
const KEEP_ALIVE_MS = 10_000;

const BACKOFF_BASE_MS = 200;
/**
 * The longest wait an appliance's `Retry-After` gets within one request: a person is waiting for the page.
 * An appliance that asks for longer (maintenance, a rate limit's window) gets its answer passed on at once,
 * instead of two more requests it said it would turn away.
 */
const RETRY_AFTER_LIMIT_MS = 5_000;
/** How often, at most, the log says an appliance turned requests away. */
const LOWERED_LOG_INTERVAL_MS = 60_000;
/** A burst lowers the limit step by step: the log line waits this long and then gives where it settled. */
const LOWERED_LOG_SETTLE_MS = 1_000;

export interface HttpClientOptions {
  /** Scheme, host, port and optional path prefix; request paths are appended to it. */
  baseUrl: string;
  tls: TlsSettings;
  connectTimeoutMs: number;
  readTimeoutMs: number;
  maxResponseBytes?: number;
  /** Extra attempts after a transient failure (default 2): for reads, and for writes that never reached the appliance. */
  retries?: number;
  /**
   * Most requests at the appliance at once, each on a socket of its own (the connection's `parallelRequests`).
   * Fewer are sent while the appliance shows it takes fewer (concurrency.ts).
   */
  parallelRequests?: number;
  /** The product's name ("KalliopePBX"), so transport errors say which appliance failed, not only its address. */
  vendor?: string;
}

export interface HttpRequest {
  method: "GET" | "POST" | "PUT" | "DELETE" | "HEAD";
  /** Appended to the base URL's path, e.g. `/admin/api/jsonrpc/`; "" for the base URL itself. */
  path: string;
  query?: Record<string, string> | URLSearchParams;
  headers?: Record<string, string>;
  /**
   * Headers made afresh for every attempt, over `headers`: protocols with single-use signatures
   * (KalliopePBX's nonce) sign each attempt anew, so their reads can be retried like any other.
   */
  signHeaders?: () => Record<string, string>;
  body?: string | Buffer;
  /**
   * Safe to send twice. Defaults to true for GET and HEAD; a JSON-RPC read over POST may say so itself.
   * Writes are asked again only when nothing of them reached the appliance (the connection failed while
   * opening) or it turned them away (429, 503): a lost answer does not mean the write did not happen.
   */
  idempotent?: boolean;
  maxResponseBytes?: number;
  /** Overrides the client's retry count for this request (probes use 0 to report the first failure). */
  retries?: number;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  text(): string;
  header(name: string): string | undefined;
  /** The server's `Date` header: appliances' clocks drift, and signed protocols care. */
  serverDate(): Date | null;
}

/**
 * One attempt as it went over the wire, handed to the connection's diagnostics (lib/server/diagnostics/).
 * Raw: secrets are still in it, so an observer must redact before keeping anything.
 */
export interface HttpExchange {
  startedAt: number;
  durationMs: number;
  method: HttpRequest["method"];
  /** The path as sent, base path prefix and query included. */
  path: string;
  requestHeaders: Record<string, string>;
  requestBody: string | Buffer | undefined;
  /** Null when no answer came (a refused connection, a timeout, an answer over the size cap). */
  response: { status: number; headers: HttpResponse["headers"]; body: Buffer } | null;
  /** The transport failure's code when no answer came. */
  failure: string | null;
}

/** Sees every attempt; it is called on the request path, so it must be cheap, synchronous and never throw. */
export type ExchangeObserver = (exchange: HttpExchange) => void;

const UNREACHABLE = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EAI_AGAIN",
  "EADDRNOTAVAIL",
]);
const DROPPED = new Set(["ECONNRESET", "EPIPE", "UND_ERR_SOCKET", "UND_ERR_CLOSED"]);
const READ_TIMEOUTS = new Set(["UND_ERR_HEADERS_TIMEOUT", "UND_ERR_BODY_TIMEOUT"]);
/**
 * Answers worth asking again for a read: 500 is what an appliance's web server says while a service behind it
 * restarts or hiccups, 502–504 what a gateway in front of it says. A read is safe to repeat; a write is not, unless
 * the appliance said it did not act on it (below).
 */
const RETRY_STATUSES = new Set([429, 500, 502, 503, 504]);
/**
 * Answers that say the appliance turned the request away without acting on it (RFC 9110 §15.6.4, RFC 6585
 * §4): the console sends fewer at once, and asks again even for a write.
 */
const TURNED_AWAY_STATUSES = new Set([429, 503]);

function errorCode(error: unknown): string | undefined {
  const withCode = error as { code?: unknown; cause?: { code?: unknown } } | null;
  if (typeof withCode?.code === "string") return withCode.code;
  if (typeof withCode?.cause?.code === "string") return withCode.cause.code;
  return undefined;
}

/** A timeout in seconds, to a tenth, with the reader's decimal mark. */
function seconds(ms: number): Text {
  return text`${figure(Math.round(ms / 100) / 10)} s`;
}

/** Turns a transport failure into a VendorError a person can act on. */
export function classifyTransportError(
  error: unknown,
  options: HttpClientOptions,
  request?: { write: boolean },
): VendorError {
  if (error instanceof VendorError) return error;
  const code = errorCode(error);
  const host = new URL(options.baseUrl).host;
  const where = options.vendor ? text`${options.vendor} at ${host}` : host;
  // A write whose answer was lost may well have been carried out: say so, so nobody repeats it blindly.
  const lostWrite =
    request?.write && code && (DROPPED.has(code) || READ_TIMEOUTS.has(code)) && !failedBeforeSending(error)
      ? text` The change may have been made all the same: reload and check before trying again.`
      : "";
  if (code === "UND_ERR_CONNECT_TIMEOUT") {
    return new VendorError(
      "timeout",
      text`No connection to ${where} within the connect timeout (${seconds(options.connectTimeoutMs)}): check the address, the port and any firewall in between.`,
      { cause: error },
    );
  }
  if (code && READ_TIMEOUTS.has(code)) {
    return new VendorError(
      "timeout",
      text`${where} accepted the connection but did not answer within the read timeout (${seconds(options.readTimeoutMs)}): the appliance may be busy or stuck.${lostWrite}`,
      { cause: error },
    );
  }
  if (code && UNREACHABLE.has(code)) {
    const why =
      code === "ECONNREFUSED"
        ? text`nothing listens on that port`
        : code === "ENOTFOUND"
          ? text`the host name does not resolve`
          : text`there is no route to it`;
    return new VendorError("unreachable", text`${where} is unreachable (${code}): ${why}.`, { cause: error });
  }
  if (code && DROPPED.has(code)) {
    return new VendorError(
      "unreachable",
      text`${where} closed the connection before answering (${code}).${lostWrite}`,
      { cause: error },
    );
  }
  if (
    code?.startsWith("ERR_SSL") ||
    code?.startsWith("ERR_TLS") ||
    /SSL|TLS/i.test(String((error as Error)?.message))
  ) {
    const plain = code === "ERR_SSL_WRONG_VERSION_NUMBER" || code === "ERR_SSL_PACKET_LENGTH_TOO_LONG";
    return new VendorError(
      "tls_error",
      plain
        ? text`${where} does not speak TLS on that port: use http:// or the appliance's HTTPS port.`
        : text`The TLS handshake with ${where} failed (${code ?? text`unknown error`}).`,
      { cause: error },
    );
  }
  return new VendorError(
    "unreachable",
    text`The request to ${where} failed (${code ?? (error as Error)?.name ?? text`unknown error`}).`,
    {
      cause: error,
    },
  );
}

/**
 * Failures where the request provably never reached the appliance, or the socket died mid-way. A read
 * timeout is not among them: that attempt already made the person wait the whole timeout, and repeating it
 * would make them wait two or three times as long for the same error.
 */
function retryable(error: unknown): boolean {
  const code = errorCode(error);
  if (!code || code === "ENOTFOUND") return false;
  return UNREACHABLE.has(code) || DROPPED.has(code) || code === "UND_ERR_CONNECT_TIMEOUT";
}

export class HttpClient {
  readonly options: HttpClientOptions;
  /** One keep-alive socket per slot of the gate, opened when the slot is first used. */
  private readonly sockets: Array<Client | undefined>;
  private readonly socketOptions: Client.Options;
  private readonly origin: string;
  private readonly gate: ConcurrencyGate;
  private readonly prefix: string;
  private certificate: CertificateDto | null = null;
  private observer: ExchangeObserver | undefined;
  private loweredLoggedAt = Number.NEGATIVE_INFINITY;

  constructor(options: HttpClientOptions) {
    this.options = options;
    const url = new URL(options.baseUrl);
    this.prefix = url.pathname.replace(/\/+$/, "");
    const parallelRequests = options.parallelRequests ?? CONNECTION_DEFAULTS.parallelRequests;
    this.gate = new ConcurrencyGate(parallelRequests);
    this.sockets = Array(parallelRequests).fill(undefined);
    this.origin = url.origin;
    this.socketOptions = {
      connect: tlsConnector({
        tls: options.tls,
        connectTimeoutMs: options.connectTimeoutMs,
        onCertificate: (certificate) => {
          this.certificate = certificate;
        },
      }),
      headersTimeout: options.readTimeoutMs,
      bodyTimeout: options.readTimeoutMs,
      keepAliveTimeout: KEEP_ALIVE_MS,
    };
  }

  /** The certificate of the most recent TLS handshake, accepted or refused. */
  peerCertificate(): CertificateDto | null {
    return this.certificate;
  }

  /** Hands every attempt from now on to `observer` (the connection's diagnostics), replacing any before it. */
  observe(observer: ExchangeObserver | undefined): void {
    this.observer = observer;
  }

  async request(request: HttpRequest): Promise<HttpResponse> {
    const idempotent = request.idempotent ?? (request.method === "GET" || request.method === "HEAD");
    const retries = request.retries ?? this.options.retries ?? 2;
    for (let attempt = 0; ; attempt++) {
      try {
        const response = await this.gated(request, idempotent ? "read" : "write");
        if (attempt < retries && (idempotent ? RETRY_STATUSES : TURNED_AWAY_STATUSES).has(response.status)) {
          const asked = TURNED_AWAY_STATUSES.has(response.status)
            ? retryAfterMs(response.header("retry-after"), response.serverDate()?.getTime() ?? Date.now())
            : undefined;
          if (asked !== undefined && asked > RETRY_AFTER_LIMIT_MS) return response;
          await sleep(asked ?? backoff(attempt));
          continue;
        }
        return response;
      } catch (error) {
        // A write is sent again only when nothing of it left the console: its answer cannot have been lost.
        if (attempt >= retries || !retryable(error) || !(idempotent || failedBeforeSending(error))) {
          throw classifyTransportError(error, this.options, { write: !idempotent });
        }
        await sleep(backoff(attempt));
      }
    }
  }

  /** One attempt, sent when the gate lets it go; its outcome tells the gate whether the appliance kept up. */
  private async gated(request: HttpRequest, kind: RequestKind): Promise<HttpResponse> {
    const slot = await this.gate.acquire(kind);
    let outcome: Outcome = "failed";
    let why = "";
    try {
      const response = await this.once(request, slot);
      outcome = TURNED_AWAY_STATUSES.has(response.status) ? "overloaded" : "answered";
      why = `HTTP ${response.status}`;
      return response;
    } catch (error) {
      // A connection closed before its answer is how a small web server turns away one too many.
      why = errorCode(error) ?? "";
      if (DROPPED.has(why)) outcome = "overloaded";
      throw error;
    } finally {
      const before = this.gate.current.reads;
      this.gate.release(slot, outcome);
      if (this.gate.current.reads < before) this.reportLowered(why);
      this.closeSocketsPastLimit();
    }
  }

  /** Says, at most once a minute, that the appliance takes fewer requests than the connection's setting. */
  private reportLowered(why: string): void {
    const now = Date.now();
    if (now - this.loweredLoggedAt < LOWERED_LOG_INTERVAL_MS) return;
    this.loweredLoggedAt = now;
    const where = `${this.options.vendor ?? "The appliance"} at ${new URL(this.options.baseUrl).host}`;
    const most = this.options.parallelRequests ?? CONNECTION_DEFAULTS.parallelRequests;
    const settled = setTimeout(() => {
      logger.warn(
        `[http] ${where} turned requests away (${why}): the console now sends it at most ${this.gate.current.reads} at once, where the connection allows ${most}. If this repeats, lower the connection's parallel requests.`,
      );
    }, LOWERED_LOG_SETTLE_MS);
    settled.unref();
  }

  private socket(slot: number): Client {
    this.sockets[slot] ??= new Client(this.origin, this.socketOptions);
    return this.sockets[slot];
  }

  /** An idle keep-alive socket still counts against an appliance that limits its open connections. */
  private closeSocketsPastLimit(): void {
    for (let slot = this.gate.current.reads; slot < this.sockets.length; slot++) {
      const socket = this.sockets[slot];
      if (!socket || this.gate.inUse(slot)) continue;
      this.sockets[slot] = undefined;
      void socket.close().catch(() => undefined);
    }
  }

  private async once(request: HttpRequest, slot: number): Promise<HttpResponse> {
    const query = request.query ? new URLSearchParams(request.query).toString() : "";
    const path = `${this.prefix}${request.path}${query ? `?${query}` : ""}`;
    const headers = request.signHeaders ? { ...request.headers, ...request.signHeaders() } : request.headers;
    if (!this.observer) return this.send(this.socket(slot), request, path, headers);
    const startedAt = Date.now();
    const started = performance.now();
    const report = (response: HttpExchange["response"], failure: string | null) =>
      this.report({
        startedAt,
        durationMs: Math.round(performance.now() - started),
        method: request.method,
        path,
        requestHeaders: headers ?? {},
        requestBody: request.body,
        response,
        failure,
      });
    try {
      const response = await this.send(this.socket(slot), request, path, headers);
      report({ status: response.status, headers: response.headers, body: response.body }, null);
      return response;
    } catch (error) {
      report(null, errorCode(error) ?? (error as Error)?.name ?? "error");
      throw error;
    }
  }

  /** Diagnostics must never break a vendor call: an observer that throws is dropped here, silently. */
  private report(exchange: HttpExchange): void {
    try {
      this.observer?.(exchange);
    } catch {
      // The observer logs its own failures; the request goes on.
    }
  }

  private async send(
    socket: Client,
    request: HttpRequest,
    path: string,
    requestHeaders: Record<string, string> | undefined,
  ): Promise<HttpResponse> {
    const limit = request.maxResponseBytes ?? this.options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
    const response = await socket.request({
      method: request.method,
      path,
      headers: requestHeaders,
      body: request.body,
    });
    const declared = Number(response.headers["content-length"] ?? 0);
    if (declared > limit) {
      response.body.destroy();
      throw tooLarge(limit);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body) {
      size += (chunk as Buffer).length;
      if (size > limit) {
        response.body.destroy();
        throw tooLarge(limit);
      }
      chunks.push(chunk as Buffer);
    }
    const body = Buffer.concat(chunks);
    const headers = response.headers;
    const header = (name: string) => {
      const value = headers[name.toLowerCase()];
      return Array.isArray(value) ? value.join(", ") : value;
    };
    return {
      status: response.statusCode,
      headers,
      body,
      text: () => body.toString("utf8"),
      header,
      serverDate: () => {
        const date = header("date");
        const parsed = date ? new Date(date) : null;
        return parsed && !Number.isNaN(parsed.getTime()) ? parsed : null;
      },
    };
  }

  async close(): Promise<void> {
    const open = this.sockets.splice(0, this.sockets.length, ...Array(this.sockets.length).fill(undefined));
    await Promise.all(open.map((socket) => socket?.close().catch(() => undefined)));
  }
}

function backoff(attempt: number): number {
  // Exponential with full jitter, so several consoles retrying one appliance do not march in step.
  return BACKOFF_BASE_MS * 2 ** attempt * (0.5 + Math.random() / 2);
}

function tooLarge(limit: number): VendorError {
  return new VendorError(
    "unexpected_response",
    text`The appliance's answer is larger than the console accepts (${Math.round(limit / 1024)} KiB).`,
  );
}

/** A short-lived client for one job (a connection test), closed afterwards whatever happens. */
export async function withHttpClient<T>(options: HttpClientOptions, job: (client: HttpClient) => Promise<T>) {
  const client = new HttpClient(options);
  try {
    return await job(client);
  } finally {
    await client.close();
  }
}

const holder = globalThis as typeof globalThis & {
  __connectionClients?: Map<string, { key: string; client: HttpClient }>;
};

/**
 * The long-lived client of a connection, for vendor clients. Settings are part of the cache key, so a
 * changed base URL, TLS mode or timeout gets a fresh pool and the old one is closed.
 */
export function httpClientFor(connectionId: string, options: HttpClientOptions): HttpClient {
  holder.__connectionClients ??= new Map();
  const key = JSON.stringify(options);
  const cached = holder.__connectionClients.get(connectionId);
  if (cached?.key === key) return cached.client;
  if (cached) void cached.client.close();
  const client = new HttpClient(options);
  holder.__connectionClients.set(connectionId, { key, client });
  return client;
}

/** When a connection is deleted or changed. */
export async function forgetHttpClient(connectionId: string): Promise<void> {
  const cached = holder.__connectionClients?.get(connectionId);
  holder.__connectionClients?.delete(connectionId);
  await cached?.client.close();
}
