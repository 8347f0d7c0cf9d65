"use server";
import "server-only";
import { cookies, headers } from "next/headers";
import { servedOverHttps } from "@/lib/server/security/https";
import { parseTheme, THEME_COOKIE, type Theme } from "@/lib/theme";

const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

/**
 * Remembers the person's colour theme. Set by the server so the cookie can be HttpOnly (no script needs to
 * read it: the root layout renders the class on <html>, so the first paint already has the right theme) and
 * Secure on HTTPS. Next checks a Server Action's Origin against the Host, so another site cannot call it.
 */
export async function saveTheme(requested: string): Promise<Theme> {
  const theme = parseTheme(requested);
  (await cookies()).set(THEME_COOKIE, theme, {
    httpOnly: true,
    secure: servedOverHttps(await headers()),
    sameSite: "lax",
    path: "/",
    maxAge: ONE_YEAR_SECONDS,
  });
  return theme;
}
