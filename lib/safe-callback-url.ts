/**
 * Where to go after sign-in: only a place on the console itself, as a path. The value is resolved the way a
 * browser would resolve it against the console's origin and refused unless it stays there, so tricks that
 * string checks miss (a tab or newline the URL parser drops, a backslash it reads as a slash, `/./` before a
 * second slash) cannot send a person to another site with their fresh session.
 */
export function safeCallbackUrl(value: string | undefined | null, consoleOrigin: string): string {
  if (!value) return "/";
  const origin = new URL(consoleOrigin).origin;
  let target: URL;
  try {
    target = new URL(value, origin);
  } catch {
    return "/";
  }
  if (target.origin !== origin) return "/";
  const path = target.pathname + target.search + target.hash;
  // "/.//evil.example" resolves to the path "//evil.example", which a browser reads as another host.
  return path.startsWith("//") ? "/" : path;
}
