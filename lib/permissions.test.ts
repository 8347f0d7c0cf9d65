import { describe, expect, it } from "vitest";
import { can, PERMISSIONS, type Permission, ROLES, type Role } from "./permissions";

// The expected table is written out by hand, independently of ROLE_PERMISSIONS, so a change to the role
// table that is not also a deliberate change here fails the suite.
const ADMIN_ONLY: readonly Permission[] = [
  "users.manage",
  "tokens.manage",
  "connections.manage",
  "audit.read",
  "views.share",
];
const WRITES: readonly Permission[] = [
  "extensions.write",
  "mail.write",
  "firewall.write",
  "hotspot.write",
  "vouchers.write",
  "tickets.write",
];

function expected(role: Role, permission: Permission): boolean {
  if (role === "admin") return true;
  if (ADMIN_ONLY.includes(permission)) return false;
  if (WRITES.includes(permission)) return role === "operator";
  return true;
}

describe("role permission table", () => {
  for (const role of ROLES) {
    for (const permission of PERMISSIONS) {
      it(`${role} ${expected(role, permission) ? "has" : "lacks"} ${permission}`, () => {
        expect(can(role, permission)).toBe(expected(role, permission));
      });
    }
  }

  it("gives viewers no write permission at all", () => {
    const viewerWrites = PERMISSIONS.filter(
      (p) => can("viewer", p) && (p.endsWith(".write") || p.endsWith(".manage")),
    );
    expect(viewerWrites).toEqual([]);
  });
});
