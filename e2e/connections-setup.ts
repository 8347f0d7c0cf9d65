import { type Browser, expect } from "@playwright/test";
import { signIn } from "./sign-in";

/** A connection as `POST /api/v1/connections` takes it: id, kind, name, baseUrl and the kind's settings. */
export type NewConnection = { id: string; kind: string; name: string; baseUrl: string } & Record<
  string,
  unknown
>;

/**
 * Adds connections as the demo admin, through the API an admin's script would use, so a journey starts from
 * appliances that are already set up. Any refusal fails the setup with the console's own error text.
 */
export async function addConnections(browser: Browser, connections: NewConnection[]): Promise<void> {
  const admin = await browser.newPage();
  try {
    await signIn(admin, "admin");
    for (const connection of connections) {
      const created = await admin.request.post("/api/v1/connections", { data: connection });
      expect(created.status(), await created.text()).toBe(201);
    }
  } finally {
    await admin.close();
  }
}
