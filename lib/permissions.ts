/**
 * The permission vocabulary and the role table. Isomorphic on purpose: the UI hides what a role cannot do
 * using this table, and the server enforces the very same table, so the two can never drift apart.
 */
export const ROLES = ["admin", "operator", "viewer"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "overview.read",
  "extensions.read",
  "extensions.write",
  "mail.read",
  "mail.write",
  "firewall.read",
  "firewall.write",
  "hotspot.read",
  "hotspot.write",
  "vouchers.read",
  "vouchers.write",
  "calls.read",
  "calls.export",
  "tickets.read",
  "tickets.write",
  "users.manage",
  "tokens.manage",
  "connections.read",
  "connections.manage",
  "audit.read",
  /** Sharing a saved view with everybody, and changing or deleting a shared one: it changes every person's menu. */
  "views.share",
  "account.self",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const READ_VENDOR_DATA = [
  "overview.read",
  "extensions.read",
  "mail.read",
  "firewall.read",
  "hotspot.read",
  "vouchers.read",
  "calls.read",
  "calls.export",
  "tickets.read",
  "connections.read",
] as const satisfies readonly Permission[];

const WRITE_VENDOR_DATA = [
  "extensions.write",
  "mail.write",
  "firewall.write",
  "hotspot.write",
  "vouchers.write",
  "tickets.write",
] as const satisfies readonly Permission[];

/** Everyone manages their own sign-in (password, second factor). */
const OWN_ACCOUNT = ["account.self"] as const satisfies readonly Permission[];

export const ROLE_PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  admin: new Set(PERMISSIONS),
  operator: new Set([...READ_VENDOR_DATA, ...WRITE_VENDOR_DATA, ...OWN_ACCOUNT]),
  viewer: new Set([...READ_VENDOR_DATA, ...OWN_ACCOUNT]),
};

export function can(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
