import type { KayakoStore } from "./store";

/**
 * Kayako's `BuildSQLSearch()` turned into a predicate. The query is split on spaces into `LIKE '%word%'`
 * conditions (`-word` becomes NOT LIKE, `+word` LIKE, "quoted text" one condition), joined with OR by
 * default and AND when the caller asks for a phrase. Unless `noParity`, the characters
 * ``~`#$^&*()=+[]{}|<>,;`` are dropped first. MySQL's default collation makes LIKE case-insensitive, and
 * any condition on a NULL column (a user without an organisation) is false.
 */
export type FieldPredicate = (value: string | null) => boolean;

export function buildSqlSearch(query: string, noParity: boolean, useOr: boolean): FieldPredicate | null {
  let text = query.replace(/\s+/g, " ");
  if (!noParity) text = text.replace(/[~`#$^&*()=+[\]{}|<>,;]/g, "");
  const strict: string[] = [];
  text = text.replace(/["|'](.*?)["|']/g, (_match, inner: string) => {
    if (inner.trim() !== "") strict.push(inner);
    return "";
  });
  const conditions: FieldPredicate[] = [];
  const like = (needle: string): FieldPredicate => {
    const lower = needle.toLowerCase();
    return (value) => (value === null ? false : value.toLowerCase().includes(lower));
  };
  for (const word of text.split(" ")) {
    if (word.trim() === "") continue;
    if (word.startsWith("-")) {
      const inner = like(word.slice(1));
      conditions.push((value) => value !== null && !inner(value));
    } else if (word.startsWith("+")) {
      conditions.push(like(word.slice(1)));
    } else {
      conditions.push(like(word));
    }
  }
  for (const phrase of strict) conditions.push(like(phrase));
  if (conditions.length === 0) return null;
  return useOr
    ? (value) => conditions.some((condition) => condition(value))
    : (value) => conditions.every((condition) => condition(value));
}

/**
 * `POST /Base/UserSearch` (S6 `Controller_UserSearch::Post`): the search runs FROM the user e-mail rows,
 * so a user without an e-mail is never returned; each of e-mail, full name, phone, organisation name
 * and user-group title is tested on its own; words are ORed unless `phrase=1`.
 */
export function searchUsers(store: KayakoStore, query: string, phrase: boolean): number[] {
  const email = buildSqlSearch(query, true, !phrase);
  const other = buildSqlSearch(query, false, !phrase);
  if (!email || !other) return [];
  const found: number[] = [];
  for (const user of store.users) {
    if (user.emails.length === 0) continue;
    const organization = store.organization(user.organizationId);
    const group = store.userGroups.find((g) => g.id === user.userGroupId);
    const userFieldsMatch =
      other(user.fullName) ||
      other(user.phone) ||
      other(organization?.name ?? null) ||
      other(group?.title ?? null);
    if (userFieldsMatch || user.emails.some((address) => email(address))) found.push(user.id);
  }
  return found;
}

export interface TicketSearchFlags {
  ticketid: boolean;
  contents: boolean;
  author: boolean;
  email: boolean;
  creatoremail: boolean;
  fullname: boolean;
  notes: boolean;
  usergroup: boolean;
  userorganization: boolean;
  user: boolean;
  tags: boolean;
  phrase: boolean;
}

/**
 * `POST /Tickets/TicketSearch` (S6): every flag set to "1" adds the tickets its own search finds; the
 * union is then cut to the helpdesk's result limit in ticket ID order. The per-flag searches live in
 * `SWIFT_TicketSearchManager`, which we have not read; they are modelled on the field each flag names.
 */
export function searchTickets(
  store: KayakoStore,
  query: string,
  flags: TicketSearchFlags,
  limit: number,
): number[] {
  const predicate = buildSqlSearch(query, false, !flags.phrase);
  const emailPredicate = buildSqlSearch(query, true, !flags.phrase);
  const hits = new Set<number>();
  if (query === "" || !predicate || !emailPredicate) return [];
  const trimmed = query.trim();
  if (flags.ticketid) {
    const byMask = store.ticketIdFromMask(trimmed);
    if (byMask) hits.add(byMask);
    if (/^\d+$/.test(trimmed) && store.ticketExists(Number(trimmed))) hits.add(Number(trimmed));
  }
  const needsTickets =
    flags.contents ||
    flags.author ||
    flags.email ||
    flags.creatoremail ||
    flags.fullname ||
    flags.notes ||
    flags.usergroup ||
    flags.userorganization ||
    flags.user ||
    flags.tags;
  if (needsTickets) {
    for (const id of store.ticketIds()) {
      if (hits.has(id)) continue;
      const ticket = store.ticket(id);
      if (!ticket) continue;
      const user = store.user(ticket.userId);
      const matches =
        (flags.fullname && predicate(ticket.fullName)) ||
        (flags.creatoremail && emailPredicate(ticket.email)) ||
        (flags.tags && ticket.tags.some((tag) => predicate(tag))) ||
        (flags.userorganization && predicate(store.organization(user?.organizationId ?? 0)?.name ?? null)) ||
        (flags.usergroup &&
          predicate(store.userGroups.find((g) => g.id === user?.userGroupId)?.title ?? null)) ||
        (flags.user &&
          user !== undefined &&
          (predicate(user.fullName) || user.emails.some((e) => emailPredicate(e)))) ||
        (flags.notes && store.notes(id).some((note) => predicate(note.contents))) ||
        ((flags.contents || flags.author || flags.email) &&
          (flags.contents && predicate(ticket.subject)
            ? true
            : store
                .posts(id)
                .some(
                  (post) =>
                    (flags.contents && predicate(post.contents)) ||
                    (flags.author && predicate(post.fullName)) ||
                    (flags.email && (emailPredicate(post.email) || emailPredicate(ticket.email))),
                )));
      if (matches) hits.add(id);
    }
  }
  return [...hits].sort((a, b) => a - b).slice(0, limit);
}
