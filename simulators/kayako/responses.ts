/**
 * What the simulator answers, and with which headers. Kayako sets `Content-type: text/xml` only once the
 * request has authenticated, so auth refusals go out with PHP's default `text/html` type, while every later
 * error (400/404 from `DispatchStatus`) is plain text under an XML content type (notes §2, §3).
 */
export interface Reply {
  status: number;
  body: string;
  contentType: string;
}

/** PHP's default type for scripts that never call header(). */
export const PHP_DEFAULT_CONTENT_TYPE = "text/html; charset=UTF-8";
/** `header('Content-type: text/xml')`, to which PHP appends its default charset. */
export const XML_CONTENT_TYPE = "text/xml;charset=UTF-8";

export function xmlReply(body: string): Reply {
  return { status: 200, body, contentType: XML_CONTENT_TYPE };
}

/** `RESTServer->DispatchStatus(code, text)` after authentication. */
export function statusReply(status: 400 | 404, text: string): Reply {
  return { status, body: text, contentType: XML_CONTENT_TYPE };
}

export function emptyReply(): Reply {
  return { status: 200, body: "", contentType: XML_CONTENT_TYPE };
}

/**
 * `SWIFT_Exception::GlobalExceptionHandler` in the API interface: the error is echoed as plain text and
 * no status is set, so the answer is **200** (notes silent; S6). The simulator leaves out the stack
 * trace and line numbers a real server prints after the separator.
 */
export function uncaughtException(
  routerPath: string,
  message: string,
  file: string,
  authenticated: boolean,
): Reply {
  const body = `Uncaught Exception\nRouter: ${routerPath}\n${message} in ${file}\n\n${"=".repeat(129)}\n\n`;
  return { status: 200, body, contentType: authenticated ? XML_CONTENT_TYPE : PHP_DEFAULT_CONTENT_TYPE };
}

/** `FileNotFound()`: the `error_404` template, here a minimal page carrying the same message. */
export function fileNotFound(message: string, status: 400 | 404 = 404): Reply {
  const escaped = message.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  return {
    status,
    body: `<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>${escaped}</p></body></html>\n`,
    contentType: PHP_DEFAULT_CONTENT_TYPE,
  };
}

/**
 * A method the real controller has but this simulator does not implement (creating departments, staff,
 * users...). Deliberately not a vendor answer, so nobody mistakes it for Kayako behaviour.
 */
export function notSimulated(method: string, route: string): Reply {
  return {
    status: 501,
    body: `Not implemented by the Kayako simulator: ${method} ${route} (real Kayako implements it; see simulators/kayako/README.md)`,
    contentType: "text/plain; charset=UTF-8",
  };
}
