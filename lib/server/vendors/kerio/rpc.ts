import "server-only";
import { type Message, quoted, type Text, text } from "@/lib/i18n/api-messages/text";
import { ApiError, ERROR_KIND } from "@/lib/server/errors/api-error";
import { type HasVendorMessage, VendorError } from "@/lib/server/errors/vendor-error";
import type { HttpClient, HttpResponse } from "@/lib/server/http/client";
import { type SessionLease, VendorSessions } from "@/lib/server/shared-state/vendor-sessions";
import { KERIO_API_PATH, type KerioCredentials, type KerioSession, kerioLogin } from "./session";

/**
 * The JSON-RPC core shared by Kerio Operator, Connect and Control (kerio-notes §1–§2): one session per
 * connection shared by every operator and every console instance, X-Token plus every cookie on each call,
 * one re-login on -32001, and both error channels (the call-level `error` and the per-item
 * `result.errors[]`) turned into typed errors with the `%1` placeholders filled. Product clients only name methods and map their answers.
 */

/** Kerio's documented codes (notes §2.3) plus the session code; products add their own meaning on top. */
export const KERIO_CODES = {
  sessionExpired: -32001,
  methodNotFound: -32601,
  invalidParams: -32602,
  invalidInput: 1000,
  alreadyExists: 1001,
  notFound: 1002,
} as const;

export interface KerioMessageParameters {
  positionalParameters?: unknown[];
  plurality?: number;
}

/** One Kerio error, from either channel, with the message as Kerio would show it (placeholders filled). */
export interface KerioFault {
  code: number;
  /** Kerio's text with `%1`, `%2` filled from positionalParameters. */
  message: string;
  /** Kerio's raw template, kept so adapters can recognise a message without parsing the filled text. */
  template: string;
  parameters: string[];
  /** For per-item errors: the 0-based index into the call's input array. */
  inputIndex?: number;
}

/**
 * A message parameter as text. Kerio sends strings and numbers; anything else (an object from a broken or
 * hostile answer, whose `toString` may not even be a function) is not text a person can read.
 */
function parameterText(value: unknown): string | undefined {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? String(value)
    : undefined;
}

/** Fills `%1`…`%n` from the positional parameters; unknown or non-text placeholders stay as written. */
export function fillPlaceholders(template: string, parameters: readonly unknown[] = []): string {
  return template.replace(
    /%(\d+)/g,
    (whole, digits: string) => parameterText(parameters[Number(digits) - 1]) ?? whole,
  );
}

function toFault(
  raw: unknown,
  parameters: KerioMessageParameters | undefined,
  inputIndex?: number,
): KerioFault {
  const item = (raw ?? {}) as { code?: unknown; message?: unknown };
  const template = typeof item.message === "string" ? item.message : "Unknown error.";
  const positional = Array.isArray(parameters?.positionalParameters) ? parameters.positionalParameters : [];
  return {
    code: typeof item.code === "number" ? item.code : 0,
    message: fillPlaceholders(template, positional),
    template,
    parameters: positional.map((value) => parameterText(value) ?? ""),
    ...(inputIndex !== undefined && { inputIndex }),
  };
}

/** The call-level `error` member (notes §2.1): parameters sit under `data.messageParameters`. */
export function callFault(error: unknown): KerioFault {
  const data = (error as { data?: { messageParameters?: KerioMessageParameters } } | null)?.data;
  return toFault(error, data?.messageParameters);
}

/** The per-item `result.errors[]` of mass methods (notes §2.2): parameters sit on the item itself. */
export function itemFaults(result: unknown): KerioFault[] {
  const errors = (result as { errors?: unknown } | null)?.errors;
  if (!Array.isArray(errors)) return [];
  return errors.map((item: { messageParameters?: KerioMessageParameters; inputIndex?: unknown }) =>
    toFault(item, item?.messageParameters, typeof item?.inputIndex === "number" ? item.inputIndex : 0),
  );
}

/**
 * A Kerio refusal an operator can act on. Status follows the console's error table: 409 "already exists",
 * 404 "does not exist", 422 invalid input, 502 anything else the appliance refused. `field` puts the message
 * on the form field it concerns.
 */
export class KerioError extends ApiError implements HasVendorMessage {
  static readonly [ERROR_KIND] = "KerioError";
  readonly fault: KerioFault;
  readonly vendorMessage: string;

  constructor(fault: KerioFault, message: Message = quoted(fault.message), field?: string) {
    const status =
      fault.code === KERIO_CODES.alreadyExists
        ? 409
        : fault.code === KERIO_CODES.notFound
          ? 404
          : fault.code === KERIO_CODES.invalidInput || fault.code === KERIO_CODES.invalidParams
            ? 422
            : 502;
    const code = { 409: "conflict", 404: "not_found", 422: "unprocessable", 502: "vendor_refused" }[status];
    super(status, code ?? "vendor_refused", message, field ? [{ field, message }] : undefined);
    this.name = "KerioError";
    this.fault = fault;
    this.vendorMessage = `${fault.message} (code ${fault.code})`;
  }
}

/**
 * How a call may be repeated after the session expired under it (-32001) or the answer was lost.
 * - `read`: always safe to send again.
 * - `write` with `applied`: asked after a fresh login; when it finds the write's effect, that is the
 *   answer and nothing is sent twice (a create must never make two extensions).
 * - `write` without `applied`: never repeated; the operator sees the error and decides.
 */
export type CallMode<T> = { kind: "read" } | { kind: "write"; applied?: () => Promise<T | undefined> };

/**
 * Sessions are per connection and shared by every operator (Kerio limits concurrent admin sessions) and, with
 * REDIS_URL, by every console instance. Kept for a working day unless Kerio ends them first (-32001); Kerio
 * documents no idle timeout, so the appliance, not this TTL, decides when a session is over.
 */
const kerioSessions = new VendorSessions<KerioSession>({
  kind: "kerio-session",
  ttlMs: 8 * 60 * 60 * 1000,
  parse: (raw) => {
    const { token, cookie } = (raw ?? {}) as Partial<Record<keyof KerioSession, unknown>>;
    return typeof token === "string" && typeof cookie === "string" ? { token, cookie } : null;
  },
});

export interface KerioRpcOptions {
  http: HttpClient;
  credentials: KerioCredentials;
  /** Identifies the session in the shared cache: the connection id plus what would make it another login. */
  sessionKey: string;
}

export class KerioRpcClient {
  private nextId = 1;

  constructor(private readonly options: KerioRpcOptions) {}

  /** The shared session, logging in only when there is none (a failed login is not stored: the next call tries again). */
  private session(): Promise<SessionLease<KerioSession>> {
    return kerioSessions.obtain(this.options.sessionKey, () =>
      kerioLogin(this.options.http, this.options.credentials),
    );
  }

  /** Drops the session only if nobody replaced it yet, so concurrent callers log in once, not N times. */
  private expire(stale: SessionLease<KerioSession>): Promise<void> {
    return kerioSessions.invalidate(this.options.sessionKey, stale);
  }

  /** The JSON-RPC request body, exactly as sent (unit tests compare these). */
  requestBody(method: string, params: Record<string, unknown> | undefined, token: string) {
    return { jsonrpc: "2.0" as const, id: this.nextId++, method, params: params ?? {}, token };
  }

  private async send(method: string, params: Record<string, unknown> | undefined, read: boolean) {
    const lease = await this.session();
    const session = lease.value;
    const response = await this.options.http.request({
      method: "POST",
      path: KERIO_API_PATH,
      headers: {
        "content-type": "application/json",
        accept: "application/json-rpc, application/json",
        "x-token": session.token,
        cookie: session.cookie,
      },
      body: JSON.stringify(this.requestBody(method, params, session.token)),
      idempotent: read,
    });
    return { lease, answer: parseAnswer(response, method) };
  }

  /** One call; resolves with `result`, throws KerioError for Kerio's refusals, VendorError for the rest. */
  async call<T>(method: string, params: Record<string, unknown> | undefined, mode: CallMode<T>): Promise<T> {
    const read = mode.kind === "read";
    let first: Awaited<ReturnType<KerioRpcClient["send"]>>;
    try {
      first = await this.send(method, params, read);
    } catch (error) {
      // A lost answer to a write: only the appliance knows whether it happened, so ask it.
      if (mode.kind === "write" && mode.applied && isLostAnswer(error)) {
        const found = await mode.applied();
        if (found !== undefined) return found;
      }
      throw error;
    }
    if (!isSessionExpired(first.answer)) return unwrap<T>(first.answer);
    await this.expire(first.lease);
    if (mode.kind === "write") {
      if (!mode.applied) throw new KerioError(callFault(first.answer.error), sessionLostMessage(method));
      // Re-login happens inside `applied` (it is a read through this client).
      const found = await mode.applied();
      if (found !== undefined) return found;
    }
    const second = await this.send(method, params, read);
    if (isSessionExpired(second.answer)) {
      await this.expire(second.lease);
      throw new VendorError(
        "wrong_credentials",
        text`Kerio ended the new session at once (-32001 twice): check that the connection's user is still an administrator.`,
        { vendorMessage: callFault(second.answer.error).message },
      );
    }
    return unwrap<T>(second.answer);
  }
}

interface JsonRpcAnswer {
  result?: unknown;
  error?: unknown;
}

function parseAnswer(response: HttpResponse, method: string): JsonRpcAnswer {
  if (response.status !== 200) {
    throw new VendorError(
      "unexpected_response",
      text`Kerio answered HTTP ${response.status} to ${method}: the appliance may be restarting; try again shortly.`,
    );
  }
  try {
    const answer: unknown = JSON.parse(response.text());
    if (answer && typeof answer === "object" && !Array.isArray(answer)) return answer as JsonRpcAnswer;
  } catch {
    // Falls through.
  }
  throw new VendorError("unexpected_response", text`Kerio's answer to ${method} was not JSON-RPC.`);
}

function isSessionExpired(answer: JsonRpcAnswer): boolean {
  return answer.error !== undefined && callFault(answer.error).code === KERIO_CODES.sessionExpired;
}

function unwrap<T>(answer: JsonRpcAnswer): T {
  if (answer.error !== undefined) throw new KerioError(callFault(answer.error));
  return answer.result as T;
}

function isLostAnswer(error: unknown): boolean {
  return error instanceof VendorError && (error.outcome === "unreachable" || error.outcome === "timeout");
}

function sessionLostMessage(method: string): Text {
  return text`Kerio's session expired during ${method}; it was not repeated because the console cannot tell whether it took effect. Reload and check before trying again.`;
}
