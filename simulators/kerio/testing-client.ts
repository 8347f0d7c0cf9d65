import { parseCookies } from "./json-rpc-server";
import type { CallErrorBody } from "./rpc-errors";

/**
 * A deliberately small Kerio JSON-RPC client for the simulator tests: a cookie jar, the X-Token header and
 * switches to leave either out, so every strictness rule can be exercised over real HTTP.
 */

export interface RpcAnswer<T = unknown> {
  status: number;
  setCookies: string[];
  body: { jsonrpc?: string; id?: number | string | null; result?: T; error?: CallErrorBody };
}

export interface CallOptions {
  /** Send no Cookie header. */
  omitCookie?: boolean;
  /** Send no X-Token header. */
  omitToken?: boolean;
  /** Send this X-Token instead of the session's. */
  token?: string;
  /** Put a `token` member in the body (the PHP SDK does). */
  bodyToken?: string;
}

export class KerioTestClient {
  readonly cookies = new Map<string, string>();
  token: string | undefined;
  private nextId = 1;

  constructor(readonly apiUrl: string) {}

  async post<T = unknown>(payload: string, headers: Record<string, string> = {}): Promise<RpcAnswer<T>> {
    const response = await fetch(this.apiUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json-rpc; charset=UTF-8", ...headers },
      body: payload,
    });
    const text = await response.text();
    return {
      status: response.status,
      setCookies: response.headers.getSetCookie(),
      body: JSON.parse(text) as RpcAnswer<T>["body"],
    };
  }

  async call<T = unknown>(
    method: string,
    params?: unknown,
    options: CallOptions = {},
  ): Promise<RpcAnswer<T>> {
    const envelope: Record<string, unknown> = { jsonrpc: "2.0", id: this.nextId, method };
    this.nextId += 1;
    if (params !== undefined) envelope.params = params;
    if (options.bodyToken !== undefined) envelope.token = options.bodyToken;
    const headers: Record<string, string> = {};
    if (!options.omitCookie && this.cookies.size > 0) {
      headers.Cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; ");
    }
    const token = options.token ?? this.token;
    if (!options.omitToken && token !== undefined) headers["X-Token"] = token;
    const answer = await this.post<T>(JSON.stringify(envelope), headers);
    for (const line of answer.setCookies) {
      const [pair = ""] = line.split(";");
      for (const [name, value] of parseCookies(pair)) {
        if (value === "") this.cookies.delete(name);
        else this.cookies.set(name, value);
      }
    }
    return answer;
  }

  /** The result of a call that must succeed; a JSON-RPC error fails the test with its code and message. */
  async result<T = unknown>(method: string, params?: unknown, options?: CallOptions): Promise<T> {
    const answer = await this.call<T>(method, params, options);
    if (answer.body.error) {
      throw new Error(`${method} failed: ${answer.body.error.code} ${answer.body.error.message}`);
    }
    return answer.body.result as T;
  }

  /** The error of a call that must fail. */
  async error(method: string, params?: unknown, options?: CallOptions): Promise<CallErrorBody> {
    const answer = await this.call(method, params, options);
    if (!answer.body.error)
      throw new Error(`${method} was expected to fail but answered ${JSON.stringify(answer.body)}`);
    return answer.body.error;
  }

  async login(userName: string, password: string): Promise<string> {
    const { token } = await this.result<{ token: string }>("Session.login", {
      userName,
      password,
      application: { name: "simulator tests", vendor: "operator-console", version: "1.0" },
    });
    this.token = token;
    return token;
  }
}
