export type HttpMethod = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

/**
 * Method and path of every BFF operation, by operationId: the one place they are written. The operation objects
 * (`defineOperation`) take theirs from here, and so does the browser's typed client
 * (`lib/client/call-operation.ts`). This module imports no schema builder, so a page can call the API without
 * carrying zod in its first load.
 * `operationId` is public API: never rename one once published.
 */
export const ROUTES = {
  listUsers: { method: "GET", path: "/api/v1/users" },
  createUser: { method: "POST", path: "/api/v1/users" },
  updateUser: { method: "PATCH", path: "/api/v1/users/{id}" },
  revokeUserSessions: { method: "POST", path: "/api/v1/users/{id}/revoke-sessions" },
  getAccount: { method: "GET", path: "/api/v1/account" },
  changeOwnPassword: { method: "POST", path: "/api/v1/account/password" },
  startTwoFactorEnrolment: { method: "POST", path: "/api/v1/account/two-factor/enrolment" },
  confirmTwoFactorEnrolment: { method: "POST", path: "/api/v1/account/two-factor" },
  removeTwoFactor: { method: "DELETE", path: "/api/v1/account/two-factor" },
  regenerateRecoveryCodes: { method: "POST", path: "/api/v1/account/two-factor/recovery-codes" },
  setTableColumns: { method: "PUT", path: "/api/v1/account/table-columns/{table}" },
  resetUserTwoFactor: { method: "DELETE", path: "/api/v1/users/{id}/two-factor" },
  getTwoFactorPolicy: { method: "GET", path: "/api/v1/settings/two-factor" },
  setTwoFactorPolicy: { method: "PUT", path: "/api/v1/settings/two-factor" },
  listApiTokens: { method: "GET", path: "/api/v1/api-tokens" },
  createApiToken: { method: "POST", path: "/api/v1/api-tokens" },
  revokeApiToken: { method: "DELETE", path: "/api/v1/api-tokens/{id}" },
  listAuditEvents: { method: "GET", path: "/api/v1/audit-events" },
  exportAuditEvents: { method: "GET", path: "/api/v1/audit-events/export" },
  listConnections: { method: "GET", path: "/api/v1/connections" },
  getConnection: { method: "GET", path: "/api/v1/connections/{id}" },
  createConnection: { method: "POST", path: "/api/v1/connections" },
  updateConnection: { method: "PATCH", path: "/api/v1/connections/{id}" },
  deleteConnection: { method: "DELETE", path: "/api/v1/connections/{id}" },
  testConnection: { method: "POST", path: "/api/v1/connections/{id}/test" },
  listConnectionExchanges: { method: "GET", path: "/api/v1/connections/{id}/exchanges" },
  listExtensions: { method: "GET", path: "/api/v1/kerio/{connectionId}/extensions" },
  getExtension: { method: "GET", path: "/api/v1/kerio/{connectionId}/extensions/{number}" },
  createExtension: { method: "POST", path: "/api/v1/kerio/{connectionId}/extensions" },
  updateExtension: { method: "PATCH", path: "/api/v1/kerio/{connectionId}/extensions/{number}" },
  deleteExtension: { method: "DELETE", path: "/api/v1/kerio/{connectionId}/extensions/{number}" },
  getNextExtensionNumber: { method: "GET", path: "/api/v1/kerio/{connectionId}/extensions/next-number" },
  listExtensionOwners: { method: "GET", path: "/api/v1/kerio/{connectionId}/extensions/owners" },
  importExtensions: { method: "POST", path: "/api/v1/kerio/{connectionId}/extensions/import" },
  listMailDomains: { method: "GET", path: "/api/v1/kerio/{connectionId}/mail-domains" },
  listMailUsers: { method: "GET", path: "/api/v1/kerio/{connectionId}/mail-users" },
  createMailUser: { method: "POST", path: "/api/v1/kerio/{connectionId}/mail-users" },
  updateMailUser: { method: "PATCH", path: "/api/v1/kerio/{connectionId}/mail-users/{userId}" },
  removeMailUser: { method: "DELETE", path: "/api/v1/kerio/{connectionId}/mail-users/{userId}" },
  listAddressGroups: { method: "GET", path: "/api/v1/kerio/{connectionId}/address-groups" },
  createAddressGroupEntry: { method: "POST", path: "/api/v1/kerio/{connectionId}/address-groups" },
  updateAddressGroupEntry: { method: "PATCH", path: "/api/v1/kerio/{connectionId}/address-groups/{entryId}" },
  removeAddressGroupEntry: {
    method: "DELETE",
    path: "/api/v1/kerio/{connectionId}/address-groups/{entryId}",
  },
  listTimeRanges: { method: "GET", path: "/api/v1/kerio/{connectionId}/time-ranges" },
  listTickets: { method: "GET", path: "/api/v1/kayako/{connectionId}/tickets" },
  getTicket: { method: "GET", path: "/api/v1/kayako/{connectionId}/tickets/{ticketId}" },
  replyToTicket: { method: "POST", path: "/api/v1/kayako/{connectionId}/tickets/{ticketId}/replies" },
  updateTicket: { method: "PATCH", path: "/api/v1/kayako/{connectionId}/tickets/{ticketId}" },
  searchHelpdeskUsers: { method: "GET", path: "/api/v1/kayako/{connectionId}/users" },
  listTicketLookups: { method: "GET", path: "/api/v1/kayako/{connectionId}/lookups" },
  listKayakoStaffMappings: { method: "GET", path: "/api/v1/kayako/{connectionId}/staff-mappings" },
  setKayakoStaffMapping: { method: "PUT", path: "/api/v1/kayako/{connectionId}/staff-mappings/{userId}" },
  listCalls: { method: "GET", path: "/api/v1/kalliope/{connectionId}/calls" },
  getCall: { method: "GET", path: "/api/v1/kalliope/{connectionId}/calls/{callId}" },
  getCallStats: { method: "GET", path: "/api/v1/kalliope/{connectionId}/calls/stats" },
  exportCalls: { method: "GET", path: "/api/v1/kalliope/{connectionId}/calls/export" },
  listHotspotUsers: { method: "GET", path: "/api/v1/kiwire/{connectionId}/users" },
  getHotspotUser: { method: "GET", path: "/api/v1/kiwire/{connectionId}/users/{username}" },
  createHotspotUser: { method: "POST", path: "/api/v1/kiwire/{connectionId}/users" },
  deleteHotspotUser: { method: "DELETE", path: "/api/v1/kiwire/{connectionId}/users/{username}" },
  listVouchers: { method: "GET", path: "/api/v1/kiwire/{connectionId}/vouchers" },
  createVouchers: { method: "POST", path: "/api/v1/kiwire/{connectionId}/vouchers" },
  deleteVoucher: { method: "DELETE", path: "/api/v1/kiwire/{connectionId}/vouchers/{code}" },
  exportVouchers: { method: "GET", path: "/api/v1/kiwire/{connectionId}/vouchers/export" },
  listHotspotProfiles: { method: "GET", path: "/api/v1/kiwire/{connectionId}/profiles" },
  listNas: { method: "GET", path: "/api/v1/kiwire/{connectionId}/nas" },
  listLoginHistory: { method: "GET", path: "/api/v1/kiwire/{connectionId}/login-history" },
  refreshVoucherIndex: { method: "POST", path: "/api/v1/kiwire/{connectionId}/index/vouchers" },
  refreshHotspotUserIndex: { method: "POST", path: "/api/v1/kiwire/{connectionId}/index/users" },
  getVoucherPrintSettings: { method: "GET", path: "/api/v1/kiwire/{connectionId}/voucher-print-settings" },
} as const satisfies Record<string, { method: HttpMethod; path: `/api/v1/${string}` }>;

export type OperationId = keyof typeof ROUTES;

/** Where the OpenAPI document is served: a public file, not an operation (it describes them). */
export const OPENAPI_DOCUMENT_PATH = "/api/v1/openapi.json";
