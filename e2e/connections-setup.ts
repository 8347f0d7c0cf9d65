import { type Browser, expect } from "@playwright/test";
import { signIn } from "./sign-in";

/** A connection as `POST /api/v1/connections` takes it: id, kind, name, baseUrl and the kind's settings. */
export type NewConnection = { id: string; kind: string; name: string; baseUrl: string } & Record<
  string,
  unknown
>;

/**
 * What the specs' simulators are, said the way the console requires it: they speak plain HTTP unless
 * started with TLS (and http:// takes only TLS mode "insecure"), and Kiwire's and KalliopePBX's keep UTC
 * unless started with a zone. A spec that says otherwise in the connection keeps its own values.
 */
export function asSimulatorConnection(connection: NewConnection): NewConnection {
  const plainHttp = connection.baseUrl.startsWith("http:");
  const keepsLocalTime = connection.kind === "kiwire" || connection.kind === "kalliope";
  return {
    ...(plainHttp && { tls: { mode: "insecure" } }),
    ...(keepsLocalTime && { timeZone: "UTC" }),
    ...connection,
  };
}

/**
 * Adds connections to the specs' simulators as the demo admin, through the API an admin's script would use,
 * so a journey starts from appliances that are already set up. Any refusal fails the setup with the
 * console's own error text.
 */
export async function addConnections(browser: Browser, connections: NewConnection[]): Promise<void> {
  const admin = await browser.newPage();
  try {
    await signIn(admin, "admin");
    for (const connection of connections) {
      const created = await admin.request.post("/api/v1/connections", {
        data: asSimulatorConnection(connection),
      });
      expect(created.status(), await created.text()).toBe(201);
    }
  } finally {
    await admin.close();
  }
}
