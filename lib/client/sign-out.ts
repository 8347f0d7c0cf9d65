import type { SignOutParams } from "next-auth/react";

/**
 * next-auth's `signOut`, fetched when a person signs out: `next-auth/react` and the Babel helpers it is compiled
 * with are about 14 KiB gzip that every console page (the user menu is on all of them) would otherwise load first.
 */
export async function signOut(options: SignOutParams<false>): Promise<void> {
  const nextAuth = await import("next-auth/react");
  await nextAuth.signOut(options);
}
