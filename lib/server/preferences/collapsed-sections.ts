import "server-only";
import { and, eq } from "drizzle-orm";
import type { SectionChoiceDto } from "@/lib/api/collapsed-sections";
import type { CollapsibleSectionId } from "@/lib/collapsible-sections";
import type { Actor } from "@/lib/server/auth/actor";
import { type Database, database } from "@/lib/server/db/client";
import { userCollapsedSections } from "@/lib/server/db/schema";

export async function isSectionCollapsed(
  db: Database,
  userId: string,
  section: CollapsibleSectionId,
): Promise<boolean> {
  const rows = await db
    .select({ section: userCollapsedSections.sectionId })
    .from(userCollapsedSections)
    .where(and(eq(userCollapsedSections.userId, userId), eq(userCollapsedSections.sectionId, section)));
  return rows.length > 0;
}

export async function saveSectionCollapsed(
  db: Database,
  userId: string,
  section: CollapsibleSectionId,
  collapsed: boolean,
): Promise<SectionChoiceDto> {
  if (collapsed) {
    await db
      .insert(userCollapsedSections)
      .values({ userId, sectionId: section })
      .onConflictDoUpdate({
        target: [userCollapsedSections.userId, userCollapsedSections.sectionId],
        set: { updatedAt: new Date() },
      });
  } else {
    await db
      .delete(userCollapsedSections)
      .where(and(eq(userCollapsedSections.userId, userId), eq(userCollapsedSections.sectionId, section)));
  }
  return { section, collapsed };
}

/** For a page: whether the signed-in person folded the section; open for anyone else. */
export async function pageSectionCollapsed(actor: Actor, section: CollapsibleSectionId): Promise<boolean> {
  if (actor.kind !== "user") return false;
  return isSectionCollapsed(await database(), actor.id, section);
}
