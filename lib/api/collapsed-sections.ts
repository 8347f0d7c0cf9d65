import { z } from "zod";
import { COLLAPSIBLE_SECTIONS } from "@/lib/collapsible-sections";
import { defineOperation } from "./operation";

/**
 * Whether a person keeps a page section (statistics, charts) folded, remembered on the server so the page is
 * rendered that way from its first paint on any device. A preference of the signed-in person: never a token.
 */

export const SectionParams = z.strictObject({
  section: z.enum(COLLAPSIBLE_SECTIONS).describe("The page section, e.g. kalliope-call-charts"),
});

export const SectionStateSchema = z.strictObject({
  collapsed: z.boolean().describe("true keeps the section folded"),
});
export type SectionStateInput = z.infer<typeof SectionStateSchema>;

export const SectionChoiceSchema = z.object({
  section: z.enum(COLLAPSIBLE_SECTIONS),
  collapsed: z.boolean(),
});
export type SectionChoiceDto = z.infer<typeof SectionChoiceSchema>;

export const setSectionCollapsed = defineOperation({
  operationId: "setSectionCollapsed",
  summary: "Remember whether a page section (statistics, charts) is folded for you",
  tag: "Account",
  permission: "account.self",
  params: SectionParams,
  body: SectionStateSchema,
  response: SectionChoiceSchema,
  audit: { action: "account.section.set", resource: "account" },
  allowTokens: false,
});
