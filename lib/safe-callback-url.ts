/** Only same-origin paths: a login link must not be usable to send someone to another site after sign-in. */
export function safeCallbackUrl(value: string | undefined | null): string {
  if (!value?.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return "/";
  return value;
}
