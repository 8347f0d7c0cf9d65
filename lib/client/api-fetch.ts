/** The BFF's error shape, as the browser sees it. */
export interface ApiErrorBody {
  error: {
    code: string;
    message: string;
    details?: { field?: string; message: string }[];
    /** The id of the request's log line, for a person to quote to an admin. */
    requestId?: string;
  };
}

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: { field?: string; message: string }[] = [],
    /** From the body, or the X-Request-Id header when the answer was not the console's JSON (a proxy's 502). */
    readonly requestId?: string,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }

  /** Field name → message, for showing vendor and validation errors on the form field they concern. */
  fieldErrors(): Record<string, string> {
    return Object.fromEntries(this.details.filter((d) => d.field).map((d) => [d.field as string, d.message]));
  }
}

/** fetch for the BFF: JSON in and out, errors turned into ApiRequestError with the server's message. */
export async function apiFetch<T>(
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
) {
  const response = await fetch(path, {
    method: init.method ?? "GET",
    headers: init.body === undefined ? undefined : { "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    signal: init.signal,
  });
  if (response.status === 204) return undefined as T;
  const payload: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const error = (payload as ApiErrorBody | null)?.error;
    if (response.status === 401 && typeof window !== "undefined") {
      // A session that ended (idle, too old, signed out elsewhere) is said so on the login page.
      const ended = error?.code === "session_ended" ? "&error=session-ended" : "";
      window.location.assign(
        `/login?callbackUrl=${encodeURIComponent(window.location.pathname + window.location.search)}${ended}`,
      );
    }
    throw new ApiRequestError(
      response.status,
      error?.code ?? "http_error",
      error?.message ?? `The console answered ${response.status}. Try again.`,
      error?.details,
      error?.requestId ?? response.headers.get("x-request-id") ?? undefined,
    );
  }
  return payload as T;
}
