import "server-only";
import { and, eq } from "drizzle-orm";
import type { SectionChoiceDto } from "@/lib/api/collapsed-sections";
import { type CollapsibleSectionId, FOLDED_BY_DEFAULT } from "@/lib/collapsible-sections";
import type { Actor } from "@/lib/server/auth/actor";
import { type Database, database } from "@/lib/server/db/client";
import { userSectionChoices } from "@/lib/server/db/schema";

/** Whether the person folded the section, or its default while they never chose. */
export async function isSectionCollapsed(
  db: Database,
  userId: string,
  section: CollapsibleSectionId,
): Promise<boolean> {
  const [choice] = await db
    .select({ collapsed: userSectionChoices.collapsed })
    .from(userSectionChoices)
    .where(and(eq(userSectionChoices.userId, userId), eq(userSectionChoices.sectionId, section)));
  return choice?.collapsed ?? FOLDED_BY_DEFAULT[section];
}

/** Keeps the choice either way: a section folded by default that the person opened must stay open. */
export async function saveSectionCollapsed(
  db: Database,
  userId: string,
  section: CollapsibleSectionId,
  collapsed: boolean,
): Promise<SectionChoiceDto> {
  await db
    .insert(userSectionChoices)
    .values({ userId, sectionId: section, collapsed })
    .onConflictDoUpdate({
      target: [userSectionChoices.userId, userSectionChoices.sectionId],
      set: { collapsed, updatedAt: new Date() },
    });
  return { section, collapsed };
}

export async function pageSectionCollapsed(actor: Actor, section: CollapsibleSectionId): Promise<boolean> {
  if (actor.kind !== "user") return FOLDED_BY_DEFAULT[section];
  return isSectionCollapsed(await database(), actor.id, section);
}
