import * as account from "./account";
import * as apiTokens from "./api-tokens";
import * as audit from "./audit";
import * as collapsedSections from "./collapsed-sections";
import * as connectionExchanges from "./connection-exchanges";
import * as connectionSummary from "./connection-summary";
import * as connections from "./connections";
import * as kalliope from "./kalliope";
import * as kayako from "./kayako";
import * as kerioConnect from "./kerio-connect";
import * as kerioControl from "./kerio-control";
import * as kerioExtensions from "./kerio-extensions";
import * as kiwire from "./kiwire";
import type { Operation } from "./operation";
import * as savedViews from "./saved-views";
import * as search from "./search";
import * as tableColumns from "./table-columns";
import * as users from "./users";

/**
 * Every published operation. The OpenAPI document and the access-matrix tests are generated from this list,
 * so an operation missing here is missing from the contract: add each new feature's operations.
 */
export const OPERATIONS = [
  users.listUsers,
  users.createUser,
  users.updateUser,
  users.revokeUserSessions,
  account.getAccount,
  account.changeOwnPassword,
  account.setLanguage,
  account.startTwoFactorEnrolment,
  account.confirmTwoFactorEnrolment,
  account.removeTwoFactor,
  account.regenerateRecoveryCodes,
  account.resetUserTwoFactor,
  account.getTwoFactorPolicy,
  account.setTwoFactorPolicy,
  tableColumns.setTableColumns,
  collapsedSections.setSectionCollapsed,
  savedViews.listSavedViews,
  savedViews.createSavedView,
  savedViews.updateSavedView,
  savedViews.deleteSavedView,
  apiTokens.listApiTokens,
  apiTokens.createApiToken,
  apiTokens.revokeApiToken,
  audit.listAuditEvents,
  audit.exportAuditEvents,
  connections.listConnections,
  connections.getConnection,
  connections.createConnection,
  connections.updateConnection,
  connections.deleteConnection,
  connections.testConnection,
  connectionExchanges.listConnectionExchanges,
  connectionSummary.getConnectionSummary,
  kerioExtensions.listExtensions,
  kerioExtensions.getExtension,
  kerioExtensions.createExtension,
  kerioExtensions.updateExtension,
  kerioExtensions.deleteExtension,
  kerioExtensions.getNextExtensionNumber,
  kerioExtensions.listExtensionOwners,
  kerioExtensions.importExtensions,
  kerioConnect.listMailDomains,
  kerioConnect.listMailUsers,
  kerioConnect.createMailUser,
  kerioConnect.updateMailUser,
  kerioConnect.removeMailUser,
  kerioControl.listAddressGroups,
  kerioControl.createAddressGroupEntry,
  kerioControl.updateAddressGroupEntry,
  kerioControl.removeAddressGroupEntry,
  kerioControl.listTimeRanges,
  kayako.listTickets,
  kayako.getTicket,
  kayako.replyToTicket,
  kayako.updateTicket,
  kayako.searchHelpdeskUsers,
  kayako.listTicketLookups,
  kayako.listStaffMappings,
  kayako.setStaffMapping,
  kalliope.listCalls,
  kalliope.getCall,
  kalliope.getCallStats,
  kalliope.exportCalls,
  kiwire.listHotspotUsers,
  kiwire.getHotspotUser,
  kiwire.createHotspotUser,
  kiwire.deleteHotspotUser,
  kiwire.listVouchers,
  kiwire.createVouchers,
  kiwire.deleteVoucher,
  kiwire.exportVouchers,
  kiwire.listHotspotProfiles,
  kiwire.listNas,
  kiwire.listLoginHistory,
  kiwire.refreshVoucherIndex,
  kiwire.refreshHotspotUserIndex,
  search.searchConsole,
  kiwire.getVoucherPrintSettings,
] as const satisfies readonly Operation[];
