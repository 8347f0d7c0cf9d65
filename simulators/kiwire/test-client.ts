import { kiwireApiKey, kiwireLoginCode } from "./signing";
import type { RunningKiwireSimulator } from "./simulator";

/** A JSON body as the simulator answers it. */
export type KiwireBody = Record<string, unknown>;

/**
 * `YmdHis` for a UTC+offset wall clock, computed without the simulator's own time helpers so that a
 * time-zone bug in the simulator cannot hide behind the same bug in the test.
 */
export function compactTime(ms: number, offsetHours = 0): string {
  return new Date(ms + offsetHours * 3_600_000).toISOString().slice(0, 19).replace(/[-T:]/g, "");
}

export function dashedTime(ms: number, offsetHours = 0): string {
  return new Date(ms + offsetHours * 3_600_000).toISOString().slice(0, 19).replace("T", " ");
}

export async function post(
  baseUrl: string,
  path: string,
  params: Record<string, string>,
): Promise<KiwireBody> {
  const response = await fetch(`${baseUrl}${path}`, { method: "POST", body: new URLSearchParams(params) });
  if (response.status !== 200) throw new Error(`HTTP ${response.status} for ${path}`);
  return (await response.json()) as KiwireBody;
}

export interface SignedCallOptions {
  token?: string;
  /** The signed `time` as sent; default: now on the simulator clock, UTC+`offsetHours`, YmdHis. */
  time?: string;
  offsetHours?: number;
  /** Sign with this key instead of the simulator's. */
  apiKey?: string;
  /** Send this `api_key` verbatim. */
  rawApiKey?: string;
  cloudId?: string;
  /** Fields to leave out of the body. */
  omit?: readonly string[];
}

/** A minimal client doing what the document's PHP sample does. */
export function kiwireClient(sim: RunningKiwireSimulator) {
  const { username, password, cloudId } = sim.credentials;
  let token = "";
  const client = {
    get token() {
      return token;
    },
    async login(overrides: Record<string, string> = {}): Promise<KiwireBody> {
      const body = await post(sim.baseUrl, "/admin/agent/api_login.php", {
        code: kiwireLoginCode(username, password),
        cloud_id: cloudId,
        ...overrides,
      });
      if (body.status === "success" && typeof body.token === "string") token = body.token;
      return body;
    },
    async call(path: string, params: Record<string, string> = {}, options: SignedCallOptions = {}) {
      const useToken = options.token ?? token;
      const time = options.time ?? compactTime(sim.clock.now(), options.offsetHours ?? 0);
      const body: Record<string, string> = {
        ...params,
        token: useToken,
        time,
        api_key: options.rawApiKey ?? kiwireApiKey(options.apiKey ?? sim.account.apiKey, useToken, time),
        cloud_id: options.cloudId ?? cloudId,
      };
      for (const field of options.omit ?? []) delete body[field];
      return post(sim.baseUrl, `/apiv2/${path}`, body);
    },
  };
  return client;
}

/** `ret_data` / `return_data` as an array of records, whichever spelling the simulator used. */
export function rows(body: KiwireBody): Array<Record<string, string | null>> {
  const data = body.ret_data ?? body.return_data;
  if (!Array.isArray(data)) throw new Error(`no data array in ${JSON.stringify(body).slice(0, 200)}`);
  return data as Array<Record<string, string | null>>;
}
