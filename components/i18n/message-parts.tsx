import { Fragment, type ReactNode } from "react";

/**
 * A translated sentence with elements inside it (a link, a code sample, a figure with a test id): the message
 * keeps `{name}` where each element goes, so a translation can move it, and the translator leaves a placeholder
 * it has no value for as written. `messageParts(t("tokens.description"), { api: <a …>…</a> })`.
 */
export function messageParts(message: string, parts: Readonly<Record<string, ReactNode>>): ReactNode {
  return message.split(/(\{\w+\})/).map((piece, index) => {
    const name = /^\{(\w+)\}$/.exec(piece)?.[1];
    const part = name !== undefined && Object.hasOwn(parts, name) ? parts[name] : piece;
    // The pieces never reorder between renders, so their position is a stable key.
    // biome-ignore lint/suspicious/noArrayIndexKey: see above
    return <Fragment key={index}>{part}</Fragment>;
  });
}
