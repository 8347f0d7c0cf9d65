import "server-only";

/**
 * How long an appliance's `Retry-After` asks the console to wait, in milliseconds (RFC 9110 §10.2.3: a whole
 * number of seconds, or an HTTP-date, which is read against the appliance's own `Date` when it sent one,
 * since appliances' clocks drift). Undefined when there is no header or it is neither form; a date already
 * past asks for no wait.
 */
export function retryAfterMs(value: string | undefined, sentAt: number): number | undefined {
  const field = value?.trim();
  if (!field) return undefined;
  if (/^\d+$/.test(field)) return Number(field) * 1000;
  // Each of HTTP's three date forms starts with the day's name; Date.parse alone would take "1.5" for a date.
  // All three are GMT, but asctime's form does not say so, and Date.parse would read it in the server's zone.
  const at = /^[A-Za-z]{3}/.test(field)
    ? Date.parse(/ GMT$/.test(field) ? field : `${field} GMT`)
    : Number.NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - sentAt);
}
