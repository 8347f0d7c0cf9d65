import "server-only";
import { headers } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { can, type Permission } from "@/lib/permissions";
import { database } from "@/lib/server/db/client";
import { ApiError } from "@/lib/server/errors/api-error";
import { type Actor, resolveActor } from "./actor";
import { principalOf } from "./principal";
import { SESSION_ENDED } from "./session-lifetime";

/**
 * The signed-in person, or why there is none: a session that ended deserves a word on the login page. Once per
 * request: the layouts (language, navigation) and the page all ask.
 */
const pageActor = cache(async (): Promise<Actor | "session-ended" | null> => {
  try {
    return await resolveActor(await headers());
  } catch (error) {
    return error instanceof ApiError && error.code === SESSION_ENDED ? "session-ended" : null;
  }
});

/** The signed-in person for a page, or null. Pages that need one call requirePermission instead. */
export async function currentActor(): Promise<Actor | null> {
  const actor = await pageActor();
  return actor === "session-ended" ? null : actor;
}

/**
 * Every console page starts with this: signed-out visitors go to the login page (and come back after), told
 * so when their session ended; a signed-in person without the permission gets the 403 page.
 */
export async function requirePermission(permission: Permission, returnTo: string): Promise<Actor> {
  const actor = await pageActor();
  if (actor === "session-ended")
    redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}&error=session-ended`);
  if (!actor) redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  if (!can(actor.role, permission)) forbidden();
  // A generated password to replace or a required second factor to enrol comes before any other page.
  if (actor.kind === "user" && (await principalOf(await database(), actor.id))?.setupStep)
    redirect("/account");
  return actor;
}

/** The account page: any signed-in person, including one who still owes a required step (it is done there). */
export async function requirePerson(returnTo: string): Promise<Extract<Actor, { kind: "user" }>> {
  const actor = await currentActor();
  if (actor?.kind !== "user") redirect(`/login?callbackUrl=${encodeURIComponent(returnTo)}`);
  return actor;
}
