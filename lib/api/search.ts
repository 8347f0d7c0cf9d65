import { z } from "zod";
import { msg } from "@/lib/i18n/api-messages/text";
import { SEARCH_KINDS, SEARCH_QUERY_MAX, SEARCH_SOURCE_STATUSES } from "@/lib/search-vocabulary";
import { defineOperation } from "./operation";

/**
 * The console search behind the command palette: one query asked of every connection the caller may read,
 * per kind only with that kind's read permission, each source within a short time limit. The answer is per
 * source with its status, so a slow or failing appliance shows as such beside the others.
 */

export const SearchQuery = z.strictObject({
  q: z
    .string({ error: msg`Enter what to search for` })
    .trim()
    .min(1, msg`Enter what to search for`)
    .max(SEARCH_QUERY_MAX, `At most ${SEARCH_QUERY_MAX} characters`)
    .describe(
      "An extension number, a voucher code, a ticket id or mask (ABC-123-45678), a call's unique id (1700000000.42) or a hotspot user's name",
    ),
});

export const SearchItemSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  id: z
    .string()
    .describe("What the item's page opens it by: the number, code, ticket id, call id or user name"),
  label: z.string(),
  detail: z.string().describe("A second line: description, profile, subject, caller → called"),
});
export type SearchItemDto = z.infer<typeof SearchItemSchema>;

export const SearchSourceSchema = z.object({
  kind: z.enum(SEARCH_KINDS),
  connectionId: z.string(),
  connectionName: z.string(),
  searched: z.string().describe("What was asked of the appliance, in words"),
  status: z.enum(SEARCH_SOURCE_STATUSES),
  message: z.string().optional().describe("Why the source failed or timed out"),
  items: z.array(SearchItemSchema),
});
export type SearchSourceDto = z.infer<typeof SearchSourceSchema>;

export const SearchResultSchema = z.object({
  query: z.string(),
  sources: z
    .array(SearchSourceSchema)
    .describe("One per connection and kind the query can mean and the caller may read"),
});
export type SearchResultDto = z.infer<typeof SearchResultSchema>;

export const searchConsole = defineOperation({
  operationId: "searchConsole",
  summary: "Find an extension, voucher, ticket, call or hotspot user on every connection you may read",
  tag: "Search",
  // Everyone may search; what each source answers depends on the kind's own read permission.
  permission: "overview.read",
  query: SearchQuery,
  response: SearchResultSchema,
});
