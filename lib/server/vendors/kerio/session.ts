import "server-only";
import { text } from "@/lib/i18n/api-messages/text";
import { VendorError } from "@/lib/server/errors/vendor-error";
import type { HttpClient, HttpResponse } from "@/lib/server/http/client";

/**
 * Kerio Operator, Connect and Control share one JSON-RPC administration API (kerio-notes §1): `Session.login`
 * returns a token for the `X-Token` header and sets the `SESSION_*` and `TOKEN_*` cookies, and every later
 * call needs both the header and *all* the cookies (§1.4: clients keeping only the first cookie break).
 * This file holds the login round trip; the Kerio clients of later issues grow from it.
 */

/** Administration API path of all three products (§1.1), appended to the connection's base URL. */
export const KERIO_API_PATH = "/admin/api/jsonrpc/";

/** `ApiApplication` is a required parameter of Session.login (§1.3); Kerio shows it in its session list. */
export const KERIO_APPLICATION = {
  name: "Operator Console",
  vendor: "Operator Console",
  version: "1",
} as const;

export interface KerioCredentials {
  username: string;
  password: string;
}

export interface KerioSession {
  token: string;
  /** The `Cookie` header to send back: every cookie the login set, name=value only. */
  cookie: string;
}

export interface JsonRpcRequest {
  jsonrpc: "2.0";
  id: number;
  method: string;
  params: Record<string, unknown>;
  token?: string;
}

/** The login envelope, shaped exactly like the documented one (§1.3, §8 test vector 1). */
export function loginRequest(
  id: number,
  credentials: KerioCredentials,
  application: { name: string; vendor: string; version: string } = KERIO_APPLICATION,
) {
  return {
    jsonrpc: "2.0",
    id,
    method: "Session.login",
    params: {
      userName: credentials.username,
      password: credentials.password,
      application: { ...application },
    },
  } satisfies JsonRpcRequest;
}

/** A cookie jar for one session: every `Set-Cookie` kept (by name, last wins), attributes dropped. */
export function cookieHeader(setCookie: string | string[] | undefined): string {
  const jar = new Map<string, string>();
  for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
    const pair = line.split(";", 1)[0]?.trim() ?? "";
    const index = pair.indexOf("=");
    if (index <= 0) continue;
    const value = pair.slice(index + 1);
    // An empty value with Max-Age=0 is Kerio deleting the cookie on logout.
    if (value === "") jar.delete(pair.slice(0, index));
    else jar.set(pair.slice(0, index), value);
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
}

interface JsonRpcAnswer {
  result?: unknown;
  error?: { code?: unknown; message?: unknown } | string;
}

function parseAnswer(response: HttpResponse): JsonRpcAnswer {
  if (response.status >= 500) {
    // The server is there but failing: the address is right, so do not send the person to check it.
    throw new VendorError(
      "unexpected_response",
      text`Kerio answered HTTP ${response.status} to Session.login: the appliance failed on its side (it may be restarting); try again shortly.`,
    );
  }
  if (response.status !== 200) {
    throw new VendorError(
      response.status === 404 ? "not_found" : "unexpected_response",
      text`The appliance answered HTTP ${response.status} at ${KERIO_API_PATH}: check that the base URL is the administration port (Operator 4021, Connect 4040, Control 4081).`,
    );
  }
  try {
    const answer: unknown = JSON.parse(response.text());
    if (answer && typeof answer === "object") return answer as JsonRpcAnswer;
  } catch {
    // Falls through to the message below.
  }
  throw new VendorError(
    "unexpected_response",
    text`The appliance did not answer with JSON-RPC: is the base URL a Kerio administration port?`,
  );
}

function errorText(error: JsonRpcAnswer["error"]): { code: number | null; message: string } {
  if (typeof error === "string") return { code: null, message: error };
  return {
    code: typeof error?.code === "number" ? error.code : null,
    message: typeof error?.message === "string" ? error.message : "unknown error",
  };
}

async function call(client: HttpClient, body: JsonRpcRequest, session?: KerioSession): Promise<HttpResponse> {
  return client.request({
    method: "POST",
    path: KERIO_API_PATH,
    headers: {
      "content-type": "application/json",
      accept: "application/json-rpc, application/json",
      ...(session && { "x-token": session.token, cookie: session.cookie }),
    },
    body: JSON.stringify(body),
    // Logging in twice is harmless (a lost login leaves one idle session that expires), so a dropped
    // connection or a 500 is retried with backoff like a read; logout is the same.
    idempotent: true,
  });
}

/** Session.login; wrong credentials and every other refusal become VendorErrors a person can act on. */
export async function kerioLogin(client: HttpClient, credentials: KerioCredentials): Promise<KerioSession> {
  const response = await call(client, loginRequest(1, credentials));
  const answer = parseAnswer(response);
  if (answer.error !== undefined) {
    const { code, message } = errorText(answer.error);
    // Kerio's text is "Username or password is not correct." (GFI KB); its code is undocumented.
    if (code === -32000 || /password|user ?name|credentials/i.test(message)) {
      throw new VendorError(
        "wrong_credentials",
        text`Kerio refused the user name or password ("${message}"). Check both; the user must be an administrator.`,
        { vendorMessage: message },
      );
    }
    throw new VendorError(
      "unexpected_response",
      text`Kerio refused the login: ${message}${code === null ? "" : text` (code ${code})`}.`,
      {
        vendorMessage: message,
      },
    );
  }
  const token = (answer.result as { token?: unknown } | undefined)?.token;
  if (typeof token !== "string" || token === "") {
    throw new VendorError("unexpected_response", text`Kerio answered Session.login without a token.`);
  }
  return { token, cookie: cookieHeader(response.headers["set-cookie"]) };
}

/** Session.logout, so a connection test does not leave sessions behind on the appliance. Never throws. */
export async function kerioLogout(client: HttpClient, session: KerioSession): Promise<void> {
  await call(
    client,
    { jsonrpc: "2.0", id: 2, method: "Session.logout", params: {}, token: session.token },
    session,
  ).catch(() => undefined);
}

/** The round trip behind "Test connection": log in, then log out again. */
export async function kerioLoginRoundTrip(
  client: HttpClient,
  credentials: KerioCredentials,
): Promise<string> {
  const session = await kerioLogin(client, credentials);
  await kerioLogout(client, session);
  return `Logged in as ${credentials.username}`;
}
