import "server-only";
import type { ConnectionConfig, ConnectionTestResultDto } from "@/lib/api/connections";
import { CONNECTION_DEFAULTS, CONNECTION_KIND_LABELS } from "@/lib/connection-kinds";
import { exchangeRecorder, secretValuesOf } from "@/lib/server/diagnostics/exchange-log";
import { type HttpClient, withHttpClient } from "@/lib/server/http/client";
import { VendorError } from "@/lib/server/http/errors";
import { kalliopeLoginRoundTrip } from "@/lib/server/vendors/kalliope/session";
import { kayakoLoginRoundTrip } from "@/lib/server/vendors/kayako/session";
import { kerioLoginRoundTrip } from "@/lib/server/vendors/kerio/session";
import { kiwireLoginRoundTrip } from "@/lib/server/vendors/kiwire/session";
import type { ResolvedConnection } from "./registry";
import { httpOptionsOf } from "./settings";

/** The vendor's real authentication round trip; answers what the appliance said, for the result's detail. */
function roundTrip(client: HttpClient, config: ConnectionConfig): Promise<string> {
  switch (config.kind) {
    case "kerio-operator":
    case "kerio-connect":
    case "kerio-control":
      return kerioLoginRoundTrip(client, config);
    case "kiwire":
      return kiwireLoginRoundTrip(client, {
        username: config.username,
        password: config.password,
        apiKey: config.apiKey,
        cloudId: config.cloudId,
        timeZone: config.timeZone ?? CONNECTION_DEFAULTS.kiwireTimeZone,
        timeFormat: config.timeFormat ?? CONNECTION_DEFAULTS.kiwireTimeFormat,
        signing: config.signing ?? CONNECTION_DEFAULTS.kiwireSigning,
      });
    case "kalliope":
      return kalliopeLoginRoundTrip(client, {
        username: config.username,
        password: config.password,
        domain: config.domain ?? CONNECTION_DEFAULTS.kalliopeDomain,
      });
    case "kayako":
      return kayakoLoginRoundTrip(client, config);
  }
}

/**
 * Tests one connection: a fresh client (so the TLS handshake and the certificate are this test's, not a
 * pooled socket's), no retries (the first failure is the answer), the whole round trip timed. Never throws:
 * every failure is a result with a message a person can act on.
 */
export async function probeConnection(
  resolved: ResolvedConnection,
  now: () => number = Date.now,
): Promise<ConnectionTestResultDto> {
  const started = performance.now();
  const checkedAt = new Date(now()).toISOString();
  let client: HttpClient | undefined;
  const latency = () => Math.max(0, Math.round(performance.now() - started));
  try {
    const detail = await withHttpClient({ ...httpOptionsOf(resolved.entry.plain), retries: 0 }, (opened) => {
      client = opened;
      // A test's exchanges are what an admin looks at first in the connection's diagnostics.
      opened.observe(exchangeRecorder(resolved.entry.id, secretValuesOf(resolved.config)));
      return roundTrip(opened, resolved.config);
    });
    const latencyMs = latency();
    return {
      ok: true,
      outcome: "ok",
      message: `${CONNECTION_KIND_LABELS[resolved.config.kind]} answered and accepted the credentials in ${latencyMs} ms.`,
      latencyMs,
      checkedAt,
      certificate: client?.peerCertificate() ?? null,
      detail,
    };
  } catch (error) {
    const failure =
      error instanceof VendorError
        ? error
        : new VendorError(
            "unexpected_response",
            "The test failed unexpectedly; the console's log has the details.",
            {
              cause: error,
            },
          );
    if (!(error instanceof VendorError)) {
      // Name and message only: a stack or a request object could carry more than a log line should.
      const { name, message } = error as Error;
      console.error(`[connections] testing ${resolved.entry.id} failed unexpectedly: ${name}: ${message}`);
    }
    return {
      ok: false,
      outcome: failure.outcome,
      message: failure.message,
      latencyMs: latency(),
      checkedAt,
      certificate: failure.certificate ?? client?.peerCertificate() ?? null,
      detail: null,
    };
  }
}
