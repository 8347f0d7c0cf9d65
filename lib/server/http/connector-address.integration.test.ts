import type { LookupAddress, lookup } from "node:dns";
import { Pool } from "undici";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { VendorError } from "@/lib/server/errors/vendor-error";
import { type Listening, listen } from "@/simulators/shared/server";
import { HttpClient } from "./client";
import { tlsConnector } from "./tls";

// This file runs as a deployment that has not allowed loopback connections (the suite's default allows them).
process.env.ALLOW_LOOPBACK_CONNECTIONS = "0";

let server: Listening;
let requests = 0;
beforeAll(async () => {
  server = await listen((_req, res) => {
    requests += 1;
    res.writeHead(200).end("answered");
  });
});
afterAll(async () => {
  await server.close();
});

const port = () => new URL(server.baseUrl).port;

/** A DNS server that answers `address` for every name, as one in an attacker's hands would. */
function answering(address: string): typeof lookup {
  const family = address.includes(":") ? 6 : 4;
  const resolve = (
    _hostname: string,
    options: { all?: boolean },
    callback: (error: null, addresses: LookupAddress[] | string, family?: number) => void,
  ) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
  return resolve as unknown as typeof lookup;
}

async function requestThrough(resolvedTo: string, allowLoopback: boolean) {
  const pool = new Pool(`http://appliance.example:${port()}`, {
    connect: tlsConnector({
      tls: { mode: "insecure" },
      connectTimeoutMs: 2_000,
      addressPolicy: { allowLoopback },
      resolve: answering(resolvedTo),
    }),
  });
  try {
    const response = await pool.request({ method: "GET", path: "/" });
    return await response.body.text();
  } finally {
    await pool.close();
  }
}

describe("the connector checks the address it connects to", () => {
  it("refuses a loopback literal when the deployment does not allow it, before a byte is sent", async () => {
    const before = requests;
    const client = new HttpClient({
      baseUrl: server.baseUrl,
      tls: { mode: "insecure" },
      connectTimeoutMs: 2_000,
      readTimeoutMs: 2_000,
    });
    try {
      const refused = await client.request({ method: "GET", path: "/" }).catch((error: unknown) => error);
      expect(refused).toBeInstanceOf(VendorError);
      expect(refused).toMatchObject({ outcome: "address_refused" });
      expect((refused as VendorError).message).toContain("ALLOW_LOOPBACK_CONNECTIONS=1");
    } finally {
      await client.close();
    }
    expect(requests).toBe(before);
  });

  it("refuses a name whose DNS answer is a metadata, link-local or loopback address", async () => {
    const before = requests;
    for (const address of ["169.254.169.254", "fe80::1", "127.0.0.1"]) {
      const refused = await requestThrough(address, false).catch((error: unknown) => error);
      expect(refused, address).toMatchObject({ outcome: "address_refused" });
      expect((refused as Error).message, address).toContain(`appliance.example resolves to ${address}`);
    }
    expect(requests).toBe(before);
  });

  it("connects through the same resolver when the answer is allowed", async () => {
    // Proves the checked resolver is the one that connects: appliance.example resolves nowhere else.
    const before = requests;
    expect(await requestThrough("127.0.0.1", true)).toBe("answered");
    expect(requests).toBe(before + 1);
  });
});
