import type { Role } from "./permissions";

/**
 * The demo's accounts, one per role, seeded when DEMO_ACCOUNTS=1. Their passwords are public by design:
 * the demo prints them and the end-to-end tests sign in with them. Never enable them on a real deployment.
 */
export const DEMO_ACCOUNTS: readonly { email: string; name: string; role: Role; password: string }[] = [
  { email: "admin@demo.local", name: "Demo Admin", role: "admin", password: "demo admin passphrase" },
  {
    email: "operator@demo.local",
    name: "Demo Operator",
    role: "operator",
    password: "demo operator passphrase",
  },
  { email: "viewer@demo.local", name: "Demo Viewer", role: "viewer", password: "demo viewer passphrase" },
];
