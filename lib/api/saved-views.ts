import { z } from "zod";
import { COLUMN_ID_PATTERN, DATA_TABLE_IDS, MAX_CHOSEN_COLUMNS } from "@/lib/data-table-ids";
import { msg } from "@/lib/i18n/api-messages/text";
import {
  SAVED_VIEW_NAME_MAX,
  SAVED_VIEW_QUERY_MAX,
  SAVED_VIEW_UNSAVED_KEYS,
} from "@/lib/saved-view-vocabulary";
import { defineOperation } from "./operation";

/**
 * Saved views: a list's filters, sort, page size and columns kept under a name, found again in the list's
 * Views menu and in the palette. Private to the person who saved it, or shared with everybody by an admin
 * (`views.share`). A view of a list the person cannot read is never listed. A person's own: never an API token.
 */

const TableId = z.enum(DATA_TABLE_IDS).describe("The list, e.g. kiwire-vouchers");

const ViewName = z
  .string()
  .trim()
  .min(1, msg`Give the view a name`)
  .max(SAVED_VIEW_NAME_MAX, msg`A view's name has at most ${SAVED_VIEW_NAME_MAX} characters`)
  .describe("Shown in the list's Views menu and in the palette; unique per person and list, in any case");

const ViewQuery = z
  .string()
  .max(SAVED_VIEW_QUERY_MAX, msg`A view's query has at most ${SAVED_VIEW_QUERY_MAX} characters`)
  .refine((query) => !/^[?#]/.test(query) && !query.includes("#"), msg`Give the query without ? or #`)
  .refine(
    (query) => !SAVED_VIEW_UNSAVED_KEYS.some((key) => new URLSearchParams(query).has(key)),
    `A view keeps no ${SAVED_VIEW_UNSAVED_KEYS.join(" or ")} in its query (columns go in columns)`,
  )
  .describe("The list's URL query without page and cols, e.g. status=active&sort=createdAt&size=100");

const ViewColumns = z
  .array(
    z
      .string()
      .regex(COLUMN_ID_PATTERN, msg`A column id is a letter, then up to 39 letters or digits`)
      .describe("A column id of the list, e.g. createdAt"),
  )
  .max(MAX_CHOSEN_COLUMNS, msg`At most ${MAX_CHOSEN_COLUMNS} columns`)
  .refine((columns) => new Set(columns).size === columns.length, msg`Name each column once`)
  .describe("The optional columns the view shows");

const Shared = z.boolean().describe("true shows the view to everybody (needs views.share, admins)");

export const SavedViewListQuery = z.strictObject({
  table: TableId.optional().describe("Only this list's views; without it, the views of every list you read"),
});

export const SavedViewParams = z.strictObject({ id: z.uuid().describe("The saved view's id") });

export const CreateSavedViewSchema = z.strictObject({
  table: TableId,
  name: ViewName,
  query: ViewQuery,
  columns: ViewColumns,
  shared: Shared.default(false),
});
export type CreateSavedViewInput = z.infer<typeof CreateSavedViewSchema>;

export const UpdateSavedViewSchema = z
  .strictObject({
    name: ViewName.optional(),
    query: ViewQuery.optional(),
    columns: ViewColumns.optional(),
    shared: Shared.optional(),
  })
  .refine((body) => Object.keys(body).length > 0, msg`Say what to change: name, query, columns or shared`);
export type UpdateSavedViewInput = z.infer<typeof UpdateSavedViewSchema>;

export const SavedViewSchema = z.object({
  id: z.uuid(),
  table: z.enum(DATA_TABLE_IDS),
  name: z.string(),
  query: z.string(),
  columns: z.array(z.string()),
  shared: z.boolean(),
  mine: z.boolean().describe("You saved it"),
  editable: z.boolean().describe("You may rename, change or delete it"),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});
export type SavedViewDto = z.infer<typeof SavedViewSchema>;

export const SavedViewListSchema = z.object({
  views: z.array(SavedViewSchema).describe("Yours and the shared ones, by list then name"),
  canShare: z.boolean().describe("You may share views and change shared ones"),
});
export type SavedViewListDto = z.infer<typeof SavedViewListSchema>;

export const listSavedViews = defineOperation({
  operationId: "listSavedViews",
  summary: "List the saved views you can use: yours and the shared ones, of the lists you may read",
  tag: "Saved views",
  permission: "account.self",
  query: SavedViewListQuery,
  response: SavedViewListSchema,
  allowTokens: false,
});

export const createSavedView = defineOperation({
  operationId: "createSavedView",
  summary: "Save a list's filters, sort, page size and columns under a name (shared: admins only)",
  tag: "Saved views",
  permission: "account.self",
  body: CreateSavedViewSchema,
  response: SavedViewSchema,
  successStatus: 201,
  audit: { action: "saved-view.create", resource: "saved-view" },
  allowTokens: false,
});

export const updateSavedView = defineOperation({
  operationId: "updateSavedView",
  summary: "Rename or change a saved view, or share it (changing a shared view: admins only)",
  tag: "Saved views",
  permission: "account.self",
  params: SavedViewParams,
  body: UpdateSavedViewSchema,
  response: SavedViewSchema,
  audit: { action: "saved-view.update", resource: "saved-view" },
  allowTokens: false,
});

export const deleteSavedView = defineOperation({
  operationId: "deleteSavedView",
  summary: "Delete a saved view (a shared one: admins only)",
  tag: "Saved views",
  permission: "account.self",
  params: SavedViewParams,
  response: z.object({ id: z.uuid() }),
  audit: { action: "saved-view.delete", resource: "saved-view" },
  allowTokens: false,
});
