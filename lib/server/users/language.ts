import "server-only";
import { eq } from "drizzle-orm";
import type { Locale } from "@/lib/i18n/locales";
import type { Database } from "@/lib/server/db/client";
import { users } from "@/lib/server/db/schema";
import { forgetUser } from "./auth-invalidation";

/** Saves the person's interface language (null: their browser's). Every instance rereads them at once. */
export async function saveLanguage(db: Database, userId: string, language: Locale | null): Promise<void> {
  await db.update(users).set({ language, updatedAt: new Date() }).where(eq(users.id, userId));
  await forgetUser(userId);
}
