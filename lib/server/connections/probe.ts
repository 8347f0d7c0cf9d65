import "server-only";
import type { ClockComparisonDto, ConnectionConfig, ConnectionTestResultDto } from "@/lib/api/connections";
import { CONNECTION_DEFAULTS, CONNECTION_KIND_LABELS, needsTimeZone } from "@/lib/connection-kinds";
import { figure, type Localizable, text } from "@/lib/i18n/api-messages/text";
import { exchangeRecorder, secretValuesOf } from "@/lib/server/diagnostics/exchange-log";
import { VendorError } from "@/lib/server/errors/vendor-error";
import type { HttpClient } from "@/lib/server/http/client";
import { logger } from "@/lib/server/logging/logger";
import { kalliopeLoginRoundTrip } from "@/lib/server/vendors/kalliope/session";
import { kayakoLoginRoundTrip } from "@/lib/server/vendors/kayako/session";
import { kerioLoginRoundTrip } from "@/lib/server/vendors/kerio/session";
import { kiwireLoginRoundTrip } from "@/lib/server/vendors/kiwire/session";
import { ClockWatchingClient, compareClocks } from "./clock-check";
import type { ResolvedConnection } from "./registry";
import { httpOptionsOf } from "./settings";

/** A test's result as the server holds it: its message is read in the reader's language. */
export type TestResult = Localizable<ConnectionTestResultDto>;

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
        timeZone: config.timeZone,
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

/** For the kinds that keep local time: the appliance's clock against ours, when it sent a `Date`. */
function clockOf(resolved: ResolvedConnection, client: ClockWatchingClient): ClockComparisonDto | null {
  const observation = client.lastClock();
  if (!observation || !needsTimeZone(resolved.entry.kind)) return null;
  return compareClocks(resolved.entry.kind, resolved.entry.plain.timeZone ?? null, observation);
}

/**
 * Tests one connection: a fresh client (so the TLS handshake and the certificate are this test's, not a
 * pooled socket's), no retries (the first failure is the answer), the whole round trip timed, and the
 * appliance's clock noted from its answers. Never throws: every failure is a result with a message a person
 * can act on.
 */
export async function probeConnection(
  resolved: ResolvedConnection,
  now: () => number = Date.now,
): Promise<TestResult> {
  const started = performance.now();
  const checkedAt = new Date(now()).toISOString();
  const client = new ClockWatchingClient({ ...httpOptionsOf(resolved.entry.plain), retries: 0 }, now);
  const latency = () => Math.max(0, Math.round(performance.now() - started));
  try {
    // A test's exchanges are what an admin looks at first in the connection's diagnostics.
    client.observe(exchangeRecorder(resolved.entry.id, secretValuesOf(resolved.config)));
    const detail = await roundTrip(client, resolved.config);
    const latencyMs = latency();
    return {
      ok: true,
      outcome: "ok",
      message: text`${CONNECTION_KIND_LABELS[resolved.config.kind]} answered and accepted the credentials in ${figure(latencyMs)} ms.`,
      latencyMs,
      checkedAt,
      certificate: client.peerCertificate(),
      detail,
      clock: clockOf(resolved, client),
    };
  } catch (error) {
    const failure =
      error instanceof VendorError
        ? error
        : new VendorError(
            "unexpected_response",
            text`The test failed unexpectedly; the console's log has the details.`,
            {
              cause: error,
            },
          );
    if (!(error instanceof VendorError)) {
      // With its cause chain; secrets in the error's fields are redacted by the logger's paths.
      logger.error(
        { err: error, connectionId: resolved.entry.id },
        "[connections] a test failed unexpectedly",
      );
    }
    return {
      ok: false,
      outcome: failure.outcome,
      message: failure.text,
      latencyMs: latency(),
      checkedAt,
      certificate: failure.certificate ?? client.peerCertificate(),
      detail: null,
      clock: clockOf(resolved, client),
    };
  } finally {
    await client.close();
  }
}
