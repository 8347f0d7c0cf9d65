import type { IncomingMessage, ServerResponse } from "node:http";
import { BodyTooLargeError, readBody } from "../shared/body";
import type { SimClock } from "../shared/clock";
import type { Handler } from "../shared/faults";
import { isObject, type Params, requireObject, requireString } from "./params";
import { type CallErrorBody, invalidParams, KERIO_MESSAGES, KerioRpcError } from "./rpc-errors";
import { type KerioSession, SessionStore } from "./sessions";
import type { KerioTransportVariant } from "./variants";

/**
 * The JSON-RPC 2.0 core shared by Operator, Connect and Control (notes §1). The three products differ only in
 * port, cookie product name and their method tables; everything about the envelope, login, cookies, X-Token,
 * expiry and Batch.run lives here.
 */

export type KerioProductName = "OPERATOR" | "CONNECT" | "CONTROL";

export interface KerioProductSpec {
  kind: "kerio-operator" | "kerio-connect" | "kerio-control";
  /** The `<PRODUCT>` in `SESSION_<PRODUCT>_WEBADMIN` / `TOKEN_<PRODUCT>_WEBADMIN` (notes §1.4). */
  cookieProduct: KerioProductName;
  /** The appliance's port (notes §1.1); the simulators listen where they are told, this is for the CLI. */
  defaultPort: number;
}

/** Administration API path of all three products (notes §1.1); served with and without the trailing slash. */
export const KERIO_ADMIN_API_PATH = "/admin/api/jsonrpc/";

export interface CallContext {
  session: KerioSession;
  /** The client's IP address, IPv4-mapped IPv6 reduced to plain IPv4. */
  remoteAddress: string;
  /** `scheme://host[:port]` as the client addressed the simulator. */
  origin: string;
}

export type MethodHandler = (params: Params, context: CallContext) => unknown;

export interface KerioRpcServerOptions {
  product: KerioProductSpec;
  methods: Readonly<Record<string, MethodHandler>>;
  credentials: { username: string; password: string };
  /** Further spellings of the admin's user name that log in too (Connect: `admin@<primary domain>`). */
  userNameAliases?: readonly string[];
  clock: SimClock;
  sessionIdleTimeoutMs: number;
  /** Mark cookies `Secure` (only over HTTPS: a cookie jar would never send a Secure cookie over HTTP). */
  secureCookies: boolean;
  stats: { requests: number; logins: number };
  /** Connect 10 answers calls that carry neither cookie nor token with its own -32001 text (notes §1.5). */
  anonymousCallMessage?: boolean;
  /** Result of Session.logout: `{}` on Operator/Control, `{redirectUrl}` on Connect (notes §1.5). */
  logoutResult: (context: CallContext) => unknown;
  /** Runs first on every request; false drops the connection (Control: the admin locked himself out). */
  admit?: (remoteAddress: string) => boolean;
  /** Which session proofs beyond the SESSION_ cookie and X-Token are required (variants.ts). */
  transport: Pick<KerioTransportVariant, "bodyToken" | "tokenCookie">;
}

export interface KerioRpcServer {
  handler: Handler;
  sessions: SessionStore;
  /** Calls per JSON-RPC method (Batch.run counts itself and each command), for tests. */
  calls: Map<string, number>;
}

type RequestId = number | string | null;

interface Envelope {
  id: RequestId;
  method: string;
  params: Params;
  bodyToken: unknown;
}

class EnvelopeError extends Error {
  constructor(
    readonly id: RequestId,
    readonly rpcError: KerioRpcError,
  ) {
    super(rpcError.message);
  }
}

/** Methods every product has; they need the HTTP request or response, so the core implements them. */
const CORE_METHODS = new Set(["Session.login", "Session.logout", "Batch.run"]);

export function normaliseAddress(address: string | undefined): string {
  if (!address) return "";
  return address.startsWith("::ffff:") ? address.slice("::ffff:".length) : address;
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const cookies = new Map<string, string>();
  if (!header) return cookies;
  for (const part of header.split(";")) {
    const index = part.indexOf("=");
    if (index <= 0) continue;
    const name = part.slice(0, index).trim();
    // The first occurrence wins, as in browsers when two paths set the same name.
    if (!cookies.has(name)) cookies.set(name, part.slice(index + 1).trim());
  }
  return cookies;
}

function parseEnvelope(text: string): Envelope {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new EnvelopeError(null, new KerioRpcError(KERIO_MESSAGES.parseError));
  }
  // JSON-RPC batches (a top-level array) are not how Kerio batches; it has Batch.run (notes §1.6).
  if (!isObject(parsed)) throw new EnvelopeError(null, new KerioRpcError(KERIO_MESSAGES.invalidRequest));
  const rawId = parsed.id;
  const id: RequestId = typeof rawId === "number" || typeof rawId === "string" ? rawId : null;
  // Every Kerio client sends an id (integer, or "1" in Kerio's own PHP example); notifications are not used.
  if (id === null || parsed.jsonrpc !== "2.0" || typeof parsed.method !== "string" || parsed.method === "") {
    throw new EnvelopeError(id, new KerioRpcError(KERIO_MESSAGES.invalidRequest));
  }
  const rawParams = parsed.params;
  let params: Params;
  if (rawParams === undefined) params = {};
  else if (Array.isArray(rawParams) && rawParams.length === 0) params = {};
  else if (isObject(rawParams)) params = rawParams;
  // Kerio takes named parameters only; positional arrays and `null` cannot match its IDL signatures.
  else throw new EnvelopeError(id, invalidParams());
  return { id, method: parsed.method, params, bodyToken: parsed.token };
}

function cookieName(product: KerioProductName, kind: "SESSION" | "TOKEN"): string {
  return `${kind}_${product}_WEBADMIN`;
}

export function sessionCookieName(product: KerioProductName): string {
  return cookieName(product, "SESSION");
}

export function tokenCookieName(product: KerioProductName): string {
  return cookieName(product, "TOKEN");
}

export function createKerioRpcServer(options: KerioRpcServerOptions): KerioRpcServer {
  const sessions = new SessionStore(options.clock, options.sessionIdleTimeoutMs);
  const calls = new Map<string, number>();
  const product = options.product.cookieProduct;
  const acceptedNames = [options.credentials.username, ...(options.userNameAliases ?? [])].map((name) =>
    name.toLowerCase(),
  );

  const count = (method: string) => calls.set(method, (calls.get(method) ?? 0) + 1);

  const cookieAttributes = (maxAge?: number) =>
    `; Path=/${maxAge === undefined ? "" : `; Max-Age=${maxAge}`}${options.secureCookies ? "; Secure" : ""}`;

  function authenticate(req: IncomingMessage, bodyToken: unknown): KerioSession {
    const cookies = parseCookies(req.headers.cookie);
    const sessionId = cookies.get(sessionCookieName(product));
    const headerToken = req.headers["x-token"];
    if (options.anonymousCallMessage && sessionId === undefined && headerToken === undefined) {
      throw new KerioRpcError(KERIO_MESSAGES.anonymous);
    }
    // The notes (§1.4, §4.8) call for both: a right token without the cookie, or the cookie without the
    // token, is refused the same way as a dead session.
    if (sessionId === undefined || typeof headerToken !== "string") {
      throw new KerioRpcError(KERIO_MESSAGES.sessionExpired);
    }
    const session = sessions.find(sessionId);
    if (!session || session.token !== headerToken) throw new KerioRpcError(KERIO_MESSAGES.sessionExpired);
    // The body token is optional (several working clients never send it) but must match when present (§1.2).
    if (bodyToken !== undefined && bodyToken !== session.token) {
      throw new KerioRpcError(KERIO_MESSAGES.sessionExpired);
    }
    // Variants: S20 says Connect needs the body token too; S19 sends the TOKEN_ cookie back with the session one.
    if (options.transport.bodyToken === "required" && bodyToken === undefined) {
      throw new KerioRpcError(KERIO_MESSAGES.sessionExpired);
    }
    if (
      options.transport.tokenCookie === "required" &&
      cookies.get(tokenCookieName(product)) !== session.token
    ) {
      throw new KerioRpcError(KERIO_MESSAGES.sessionExpired);
    }
    sessions.touch(session);
    return session;
  }

  function login(params: Params, remoteAddress: string, res: ServerResponse): unknown {
    const userName = requireString(params, "userName");
    const password = requireString(params, "password");
    // ApiApplication is a declared parameter of Session.login (IDL, notes §1.3); empty strings are fine.
    const application = requireObject(params.application);
    for (const key of ["name", "vendor", "version"]) requireString(application, key);
    if (!acceptedNames.includes(userName.toLowerCase()) || password !== options.credentials.password) {
      throw new KerioRpcError(KERIO_MESSAGES.loginFailed);
    }
    const session = sessions.create(options.credentials.username, remoteAddress);
    options.stats.logins += 1;
    res.setHeader("Set-Cookie", [
      `${sessionCookieName(product)}=${session.id}${cookieAttributes()}; HttpOnly`,
      `${tokenCookieName(product)}=${session.token}${cookieAttributes()}`,
    ]);
    return { token: session.token };
  }

  function logout(context: CallContext, res: ServerResponse): unknown {
    sessions.destroy(context.session);
    res.setHeader("Set-Cookie", [
      `${sessionCookieName(product)}=${cookieAttributes(0)}; HttpOnly`,
      `${tokenCookieName(product)}=${cookieAttributes(0)}`,
    ]);
    return options.logoutResult(context);
  }

  function dispatch(method: string, params: Params, context: CallContext): unknown {
    const handler = options.methods[method];
    if (!handler) throw new KerioRpcError(KERIO_MESSAGES.methodNotFound);
    count(method);
    return handler(params, context);
  }

  function batch(params: Params, context: CallContext): unknown[] {
    const commands = params.commandList;
    if (!Array.isArray(commands)) throw invalidParams();
    // Validate the whole list first: a malformed command fails the call before any command runs.
    const parsed = commands.map((command) => {
      if (!isObject(command) || typeof command.method !== "string") throw invalidParams();
      const raw = command.params;
      if (raw === undefined || (Array.isArray(raw) && raw.length === 0))
        return { method: command.method, params: {} };
      if (!isObject(raw)) throw invalidParams();
      return { method: command.method, params: raw };
    });
    return parsed.map(({ method, params: commandParams }) => {
      try {
        // Session changes need the HTTP response, which one command in a batch does not own.
        if (CORE_METHODS.has(method)) throw new KerioRpcError(KERIO_MESSAGES.invalidRequest);
        return { result: dispatch(method, commandParams, context) ?? {} };
      } catch (error) {
        if (error instanceof KerioRpcError) return { error: error.toBody() };
        throw error;
      }
    });
  }

  function send(res: ServerResponse, body: unknown): void {
    const text = JSON.stringify(body);
    res.writeHead(200, {
      "Content-Type": "application/json; charset=UTF-8",
      "Content-Length": Buffer.byteLength(text),
      Date: new Date(options.clock.now()).toUTCString(),
    });
    res.end(text);
  }

  function sendError(res: ServerResponse, id: RequestId, error: CallErrorBody): void {
    // Kerio reports every JSON-RPC error with HTTP 200 (notes §1.1).
    send(res, { jsonrpc: "2.0", id, error });
  }

  const handler: Handler = async (req, res) => {
    options.stats.requests += 1;
    const remoteAddress = normaliseAddress(req.socket.remoteAddress);
    if (options.admit && !options.admit(remoteAddress)) {
      req.socket.destroy();
      return;
    }
    const path = (req.url ?? "/").split("?")[0];
    if (path !== KERIO_ADMIN_API_PATH && path !== KERIO_ADMIN_API_PATH.slice(0, -1)) {
      res.writeHead(404, { "Content-Type": "text/html" });
      res.end("<html><body><h1>404 Not Found</h1></body></html>");
      return;
    }
    if (req.method !== "POST") {
      res.writeHead(405, { "Content-Type": "text/html", Allow: "POST" });
      res.end("<html><body><h1>405 Method Not Allowed</h1></body></html>");
      return;
    }
    let text: string;
    try {
      text = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        sendError(res, null, new KerioRpcError(KERIO_MESSAGES.requestTooLarge).toBody());
        return;
      }
      throw error;
    }
    let envelope: Envelope;
    try {
      envelope = parseEnvelope(text);
    } catch (error) {
      if (error instanceof EnvelopeError) {
        sendError(res, error.id, error.rpcError.toBody());
        return;
      }
      throw error;
    }
    const { id, method, params, bodyToken } = envelope;
    const encrypted = "encrypted" in req.socket && req.socket.encrypted === true;
    const origin = `${encrypted ? "https" : "http"}://${req.headers.host ?? "localhost"}`;
    try {
      let result: unknown;
      if (method === "Session.login") {
        count(method);
        result = login(params, remoteAddress, res);
      } else {
        // An unknown method is reported as such before the session is looked at, so a client probing for
        // an optional method (Extensions.getNextValidNumber, notes "Decisions") learns the truth.
        if (!CORE_METHODS.has(method) && !options.methods[method]) {
          throw new KerioRpcError(KERIO_MESSAGES.methodNotFound);
        }
        const session = authenticate(req, bodyToken);
        const context: CallContext = { session, remoteAddress, origin };
        if (method === "Session.logout") {
          count(method);
          result = logout(context, res);
        } else if (method === "Batch.run") {
          count(method);
          result = batch(params, context);
        } else {
          result = dispatch(method, params, context);
        }
      }
      send(res, { jsonrpc: "2.0", id, result: result ?? {} });
    } catch (error) {
      if (error instanceof KerioRpcError) {
        sendError(res, id, error.toBody());
        return;
      }
      throw error;
    }
  };

  return { handler, sessions, calls };
}
