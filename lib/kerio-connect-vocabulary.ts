/**
 * Kerio Connect mail-user words the browser needs (sorts, removal modes) as plain data, free of zod so the list
 * view can import them without shipping the schema library in its page's first load;
 * `lib/api/kerio-connect.ts` builds its schemas from them.
 */

export const MAIL_USER_SORTS = ["loginName", "fullName", "enabled", "size"] as const;
export type MailUserSort = (typeof MAIL_USER_SORTS)[number];

/** Kerio's removal methods (notes §5) in words: delete the mailbox with the user, or keep its folder. */
export const MAIL_REMOVAL_MODES = ["deleteMailbox", "keepFolder"] as const;
export type MailRemovalMode = (typeof MAIL_REMOVAL_MODES)[number];
