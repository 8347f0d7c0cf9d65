import "server-only";
import type { ClockComparisonDto } from "@/lib/api/connections";
import { CONNECTION_KIND_LABELS, type ConnectionKind, LEGACY_TIME_ZONE } from "@/lib/connection-kinds";
import { HttpClient, type HttpRequest, type HttpResponse } from "@/lib/server/http/client";
import { wallClockAt } from "@/lib/server/time/wall-clock";

/**
 * Kiwire signs `time` in the appliance's local wall clock and KalliopePBX signs a `Created` time and writes
 * call times without a zone, so a connection test compares the appliance's clock (its HTTP `Date` header)
 * with the console's and says in words what a difference would break.
 */

/** Both appliances' signature windows: X-authenticate allows 5 minutes (Kalliope notes §1.7); Kiwire's is
 * undocumented (notes §7), and the console warns at the same 5 minutes. */
export const SIGNATURE_WINDOW_MS = 5 * 60 * 1000;
/** A `Date` header has 1 s resolution and arrives after some latency: less than this is agreement. */
const AGREEMENT_MS = 2_000;
/** From a minute on, calls and sessions near midnight land on the neighbouring day. */
const DAY_EDGE_MS = 60_000;

export interface ClockObservation {
  applianceMs: number;
  consoleMs: number;
}

/**
 * A client for one connection test that notes the `Date` of the last answer the appliance gave, whatever
 * its status, and the console's clock on arrival. The vendor round trips need no change to be observed.
 */
export class ClockWatchingClient extends HttpClient {
  private observation: ClockObservation | null = null;
  private readonly now: () => number;

  constructor(options: ConstructorParameters<typeof HttpClient>[0], now: () => number = Date.now) {
    super(options);
    this.now = now;
  }

  override async request(request: HttpRequest): Promise<HttpResponse> {
    const response = await super.request(request);
    const date = response.serverDate();
    if (date) this.observation = { applianceMs: date.getTime(), consoleMs: this.now() };
    return response;
  }

  lastClock(): ClockObservation | null {
    return this.observation;
  }
}

function duration(ms: number): string {
  const seconds = Math.round(Math.abs(ms) / 1000);
  if (seconds < 120) return `${seconds} seconds`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 120) return `${minutes} minutes`;
  return `${Math.round(minutes / 6) / 10} hours`;
}

function wallTime(epochMs: number, timeZone: string): string {
  const { year, month, day, hour, minute, second } = wallClockAt(epochMs, timeZone);
  return `${year}-${month}-${day} ${hour}:${minute}:${second}`;
}

/** What the difference breaks for this kind, in plain words; null when nothing. */
function problemOf(kind: ConnectionKind, skewMs: number, timeZone: string | null): string | null {
  const label = CONNECTION_KIND_LABELS[kind];
  const problems: string[] = [];
  const direction = skewMs > 0 ? "ahead of" : "behind";
  if (Math.abs(skewMs) > SIGNATURE_WINDOW_MS) {
    problems.push(
      kind === "kalliope"
        ? `KalliopePBX's clock is ${duration(skewMs)} ${direction} the console's, beyond the 5 minutes X-authenticate allows: it will refuse every signed request.`
        : `Kiwire's clock is ${duration(skewMs)} ${direction} the console's: the signed time will be that far off, and Kiwire may refuse the API key (its documents do not say how much difference it allows).`,
    );
  }
  if (Math.abs(skewMs) >= DAY_EDGE_MS) {
    const zone = timeZone ?? LEGACY_TIME_ZONE;
    const what = kind === "kalliope" ? "calls" : "sessions and voucher expiries";
    problems.push(
      `The console cuts days at midnight ${zone} by its own clock, so ${what} within ${duration(skewMs)} of midnight land on the neighbouring day. Synchronise both clocks with NTP.`,
    );
  }
  if (timeZone === null) {
    problems.push(
      `No time zone is set for this ${label} connection: the console uses ${LEGACY_TIME_ZONE} until you set the appliance's zone. Compare the wall clock shown here with the appliance's own.`,
    );
  }
  return problems.length > 0 ? problems.join(" ") : null;
}

/** The comparison a test shows; `timeZone` is the connection's zone, null when it was saved without one. */
export function compareClocks(
  kind: ConnectionKind,
  timeZone: string | null,
  observation: ClockObservation,
): ClockComparisonDto {
  const raw = observation.applianceMs - observation.consoleMs;
  const skewMs = Math.abs(raw) < AGREEMENT_MS ? 0 : raw;
  return {
    applianceTime: new Date(observation.applianceMs).toISOString(),
    consoleTime: new Date(observation.consoleMs).toISOString(),
    skewSeconds: Math.round(skewMs / 1000),
    timeZone,
    applianceWallClock: wallTime(observation.applianceMs, timeZone ?? LEGACY_TIME_ZONE),
    problem: problemOf(kind, skewMs, timeZone),
  };
}
