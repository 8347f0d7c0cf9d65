import { formatMessage, type MessageValues } from "./format-message";
import type { Locale } from "./locales";
import type { MessageKey, Messages, Namespace } from "./messages/catalog";

/** A namespace's messages, filled in one language: `t("vouchers.count", { count: 3 })`. */
export type Translate<N extends Namespace> = (key: MessageKey<Messages[N]>, values?: MessageValues) => string;

export function translatorFor<N extends Namespace>(
  locale: Locale,
  messages: Messages,
  namespace: N,
): Translate<N> {
  const area: unknown = messages[namespace];
  return (key, values) => {
    let node = area;
    for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
    // The key type rules out a missing message; a catalog served from an older build could still lack one.
    return typeof node === "string" ? formatMessage(node, values, locale) : `${String(namespace)}.${key}`;
  };
}
