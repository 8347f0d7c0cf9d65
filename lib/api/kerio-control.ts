import { z } from "zod";
import { msg } from "@/lib/i18n/api-messages/text";
import { ADDRESS_ENTRY_TYPES, APPLY_STEPS } from "@/lib/kerio-control-vocabulary";
import { ConnectionIdSchema } from "./connections";
import { defineOperation } from "./operation";

/**
 * Kerio Control IP address groups and time ranges (issue 9). Every change is one operation: the edit, then
 * `IpAddressGroups.apply`, `Session.getConfigTimestamp` and `Session.confirmConfig` (notes §6); the answer
 * says "applied and confirmed" or names the step that failed.
 */

const ConnectionParams = z.strictObject({ connectionId: ConnectionIdSchema });
export const AddressEntryParams = z.strictObject({
  connectionId: ConnectionIdSchema,
  entryId: z.string().min(1).max(100).describe("Entry id from listAddressGroups"),
});

export const AddressEntrySchema = z.object({
  id: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  type: z.enum(ADDRESS_ENTRY_TYPES),
  host: z.string().describe("Host, IpPrefix: the address, name or a.b.c.d/n"),
  addr1: z.string().describe("Network: address; Range: first address"),
  addr2: z.string().describe("Network: mask; Range: last address"),
  childGroupId: z.string(),
  childGroupName: z.string(),
  description: z.string(),
  enabled: z.boolean(),
  pending: z.boolean().describe("Changed but not yet applied (should not stay true after our operations)"),
});
export type AddressEntryDto = z.infer<typeof AddressEntrySchema>;

export const AddressGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  entries: z.array(AddressEntrySchema),
});
export type AddressGroupDto = z.infer<typeof AddressGroupSchema>;

export const AddressGroupListSchema = z.object({ groups: z.array(AddressGroupSchema) });
export type AddressGroupListDto = z.infer<typeof AddressGroupListSchema>;

const entryFields = {
  type: z.enum(ADDRESS_ENTRY_TYPES, { error: msg`Choose a type` }),
  host: z.string().trim().max(255).optional(),
  addr1: z.string().trim().max(64).optional(),
  addr2: z.string().trim().max(64).optional(),
  childGroupId: z.string().trim().max(100).optional(),
  description: z.string().trim().max(255, msg`At most 255 characters`).optional(),
  enabled: z.boolean().optional(),
};

export const CreateAddressEntrySchema = z.strictObject({
  groupId: z.string().trim().max(100).optional().describe("An existing group; leave out to use groupName"),
  groupName: z.string().trim().max(100).optional().describe("Creates the group when it does not exist"),
  ...entryFields,
});
export type CreateAddressEntryInput = z.infer<typeof CreateAddressEntrySchema>;

export const UpdateAddressEntrySchema = z.strictObject({
  ...entryFields,
  type: entryFields.type.optional(),
  acknowledgeCutOff: z
    .boolean()
    .optional()
    .describe("Go ahead although Kerio warned the change cuts this console off remote administration"),
});
export type UpdateAddressEntryInput = z.infer<typeof UpdateAddressEntrySchema>;

export const RemoveAddressEntryQuery = z.strictObject({
  acknowledgeCutOff: z
    .enum(["true", "false"])
    .optional()
    .describe("true: remove although Kerio warned it cuts this console off remote administration"),
});

export const ApplyResultSchema = z.object({
  status: z.literal("confirmed").describe("Applied and confirmed"),
  message: z.string(),
  steps: z.array(z.enum(APPLY_STEPS)),
});
export type ApplyResultDto = z.infer<typeof ApplyResultSchema>;

export const AddressEntryChangeSchema = z.object({
  entry: AddressEntrySchema,
  apply: ApplyResultSchema,
});
export type AddressEntryChangeDto = z.infer<typeof AddressEntryChangeSchema>;

export const TimeRangeSchema = z.object({
  id: z.string(),
  groupId: z.string(),
  groupName: z.string(),
  type: z.string().describe("Daily, Weekly, Absolute or ChildGroup"),
  description: z.string(),
  enabled: z.boolean(),
  days: z.array(z.string()),
  summary: z.string().describe("A readable summary of when the range applies"),
});
export type TimeRangeDto = z.infer<typeof TimeRangeSchema>;

const TAG = "Kerio Control";

export const listAddressGroups = defineOperation({
  operationId: "listAddressGroups",
  summary: "IP address groups with their entries",
  tag: TAG,
  permission: "firewall.read",
  params: ConnectionParams,
  response: AddressGroupListSchema,
});

export const createAddressGroupEntry = defineOperation({
  operationId: "createAddressGroupEntry",
  summary: "Add an entry (and the group if new), then apply and confirm",
  tag: TAG,
  permission: "firewall.write",
  params: ConnectionParams,
  body: CreateAddressEntrySchema,
  response: AddressEntryChangeSchema,
  successStatus: 201,
  audit: { action: "address-groups.create-entry", resource: "address-group-entry" },
});

export const updateAddressGroupEntry = defineOperation({
  operationId: "updateAddressGroupEntry",
  summary: "Edit, enable or disable an entry, then apply and confirm",
  tag: TAG,
  permission: "firewall.write",
  params: AddressEntryParams,
  body: UpdateAddressEntrySchema,
  response: AddressEntryChangeSchema,
  audit: { action: "address-groups.update-entry", resource: "address-group-entry" },
});

export const removeAddressGroupEntry = defineOperation({
  operationId: "removeAddressGroupEntry",
  summary: "Remove an entry after Kerio's cut-off check, then apply and confirm",
  tag: TAG,
  permission: "firewall.write",
  params: AddressEntryParams,
  query: RemoveAddressEntryQuery,
  response: AddressEntryChangeSchema,
  audit: { action: "address-groups.remove-entry", resource: "address-group-entry" },
});

export const listTimeRanges = defineOperation({
  operationId: "listTimeRanges",
  summary: "Time ranges (read-only)",
  tag: TAG,
  permission: "firewall.read",
  params: ConnectionParams,
  response: z.object({ items: z.array(TimeRangeSchema) }),
});
