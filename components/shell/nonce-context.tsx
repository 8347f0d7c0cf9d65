"use client";

import { createContext, useContext } from "react";

/**
 * The page's Content-Security-Policy nonce, for the few elements our client components create that the
 * policy would otherwise block (a `<style>` rendered in the browser). Undefined outside a proxied page.
 */
export const NonceContext = createContext<string | undefined>(undefined);

export function useNonce(): string | undefined {
  return useContext(NonceContext);
}
