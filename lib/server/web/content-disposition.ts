import "server-only";

/** Characters no file name should carry, whatever the operating system: controls and path separators. */
const UNSAFE_IN_FILE_NAME = /[\p{Cc}/\\]/gu;

/** RFC 8187 `value-chars`: encodeURIComponent leaves `'()*` alone, which the grammar does not allow. */
const encodeRfc8187 = (text: string) =>
  encodeURIComponent(text).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * `attachment` with the file's name as RFC 6266 says: `filename*` carries the exact UTF-8 name (every current
 * browser reads it), `filename` an ASCII stand-in for older clients. A header value beyond Latin-1 makes
 * `new Response` throw, so the name must never go in raw: a Kiwire batch called "会議" was a 500.
 */
export function attachmentDisposition(fileName: string): string {
  const name = fileName.toWellFormed().replace(UNSAFE_IN_FILE_NAME, "_");
  const ascii = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    // Quotes and backslashes would end or escape the quoted string; some clients percent-decode `filename`.
    .replace(/[^\x20-\x7e]|["%]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeRfc8187(name)}`;
}
