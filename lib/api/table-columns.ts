import { z } from "zod";
import { COLUMN_ID_PATTERN, DATA_TABLE_IDS, MAX_CHOSEN_COLUMNS } from "@/lib/data-table-ids";
import { msg } from "@/lib/i18n/api-messages/text";
import { defineOperation } from "./operation";

/**
 * The columns a person chose for a list, remembered on the server so the choice follows them to another
 * browser and survives a link that carries no `cols`. A preference of the signed-in person: never an API token.
 */

export const TableColumnsParams = z.strictObject({
  table: z.enum(DATA_TABLE_IDS).describe("The list, e.g. kerio-extensions"),
});

export const TableColumnsSchema = z.strictObject({
  columns: z
    .array(
      z
        .string()
        .regex(COLUMN_ID_PATTERN, msg`A column id is a letter, then up to 39 letters or digits`)
        .describe("A column id of the list, e.g. sipUsername"),
    )
    .max(MAX_CHOSEN_COLUMNS, `At most ${MAX_CHOSEN_COLUMNS} columns`)
    .refine((columns) => new Set(columns).size === columns.length, msg`Name each column once`)
    .describe("The optional columns to show, in any order (the list keeps its own order)"),
});
export type TableColumnsInput = z.infer<typeof TableColumnsSchema>;

export const TableColumnsChoiceSchema = z.object({
  table: z.enum(DATA_TABLE_IDS),
  columns: z.array(z.string()),
});
export type TableColumnsChoiceDto = z.infer<typeof TableColumnsChoiceSchema>;

export const setTableColumns = defineOperation({
  operationId: "setTableColumns",
  summary: "Remember which optional columns a list shows you (used when a link names none)",
  tag: "Account",
  permission: "account.self",
  params: TableColumnsParams,
  body: TableColumnsSchema,
  response: TableColumnsChoiceSchema,
  audit: { action: "account.table-columns.set", resource: "account" },
  allowTokens: false,
});
