import { startKalliopeSimulator } from "./kalliope/simulator";
import { startKayakoSimulator } from "./kayako/simulator";
import {
  KERIO_PRODUCTS,
  startKerioConnectSimulator,
  startKerioControlSimulator,
  startKerioOperatorSimulator,
} from "./kerio/simulator";
import { type RunningKiwireSimulator, startKiwireSimulator } from "./kiwire/simulator";
import type { ConnectionLimit } from "./shared/connection-limit";
import type { RunningSimulator, SimulatorOptions } from "./shared/types";

/** Ports used with `--ports fixed`: the appliances' own for Kerio, a block of free ones for the rest. */
export const FIXED_PORTS = {
  "kerio-operator": KERIO_PRODUCTS.operator.defaultPort,
  "kerio-connect": KERIO_PRODUCTS.connect.defaultPort,
  "kerio-control": KERIO_PRODUCTS.control.defaultPort,
  kiwire: 7481,
  kalliope: 7482,
  kayako: 7483,
} as const;

export type SimulatorKind = keyof typeof FIXED_PORTS;

const STARTERS: Record<SimulatorKind, (options: SimulatorOptions) => Promise<RunningSimulator>> = {
  "kerio-operator": startKerioOperatorSimulator,
  "kerio-connect": startKerioConnectSimulator,
  "kerio-control": startKerioControlSimulator,
  kiwire: startKiwireSimulator,
  kalliope: startKalliopeSimulator,
  kayako: startKayakoSimulator,
};

export interface StartAllOptions {
  https?: boolean;
  seed?: number;
  /** "fixed" listens on FIXED_PORTS (stable URLs for scripts); "free" lets the OS pick (tests, parallel runs). */
  ports?: "fixed" | "free";
  host?: string;
  connectionLimit?: ConnectionLimit;
}

/** Starts every vendor simulator; if one fails to start, the ones already started are stopped again. */
export async function startAllSimulators(options: StartAllOptions = {}): Promise<RunningSimulator[]> {
  const started: RunningSimulator[] = [];
  try {
    for (const kind of Object.keys(STARTERS) as SimulatorKind[]) {
      started.push(
        await STARTERS[kind]({
          https: options.https,
          seed: options.seed,
          host: options.host,
          connectionLimit: options.connectionLimit,
          port: options.ports === "free" ? 0 : FIXED_PORTS[kind],
        }),
      );
    }
    return started;
  } catch (error) {
    await Promise.all(started.map((simulator) => simulator.close()));
    throw error;
  }
}

/**
 * The IANA zone of a simulator that keeps local time (the console requires it for these kinds). Kiwire says
 * its zone; KalliopePBX is started here without one, and then keeps UTC.
 */
function timeZoneOf(simulator: RunningSimulator): { timeZone: string } | undefined {
  if (simulator.kind === "kiwire") return { timeZone: (simulator as RunningKiwireSimulator).config.timeZone };
  if (simulator.kind === "kalliope") return { timeZone: "UTC" };
  return undefined;
}

/** What the CLI prints and the demo writes its connections file from. */
export function describeSimulators(simulators: readonly RunningSimulator[]) {
  return {
    simulators: simulators.map((simulator) => ({
      kind: simulator.kind,
      baseUrl: simulator.baseUrl,
      credentials: simulator.credentials,
      ...timeZoneOf(simulator),
      ...(simulator.tls && { tls: { fingerprint256: simulator.tls.fingerprint256 } }),
    })),
  };
}

export type SimulatorsDescription = ReturnType<typeof describeSimulators>;

const PRODUCT_NAMES: Record<string, string> = {
  "kerio-operator": "Kerio Operator",
  "kerio-connect": "Kerio Connect",
  "kerio-control": "Kerio Control",
  kiwire: "Kiwire",
  kalliope: "KalliopePBX",
  kayako: "Kayako",
};

/** The connection fields each kind takes (docs/connections.md); simulators may expose more for their tests. */
const CONNECTION_FIELDS = ["username", "password", "apiKey", "cloudId", "domain", "secretKey"] as const;

/**
 * A console connections file (`CONNECTIONS_FILE`) pointing at these simulators, ids `<idPrefix>-<kind>`. The
 * simulators present self-signed certificates, as appliances do: the file pins them.
 */
export function connectionsFileFor(
  description: SimulatorsDescription,
  idPrefix: string,
  purpose: string,
): string {
  const connections = description.simulators.map((simulator) => ({
    id: `${idPrefix}-${simulator.kind}`,
    kind: simulator.kind,
    name: `${PRODUCT_NAMES[simulator.kind] ?? simulator.kind} (${purpose})`,
    baseUrl: simulator.baseUrl,
    ...Object.fromEntries(
      CONNECTION_FIELDS.filter((field) => field in simulator.credentials).map((field) => [
        field,
        simulator.credentials[field],
      ]),
    ),
    ...(simulator.timeZone && { timeZone: simulator.timeZone }),
    // Plain HTTP has no certificate to check: the console takes it only as "insecure".
    tls: simulator.tls ? { mode: "pin", fingerprint256: simulator.tls.fingerprint256 } : { mode: "insecure" },
  }));
  return `${JSON.stringify({ connections }, null, 2)}\n`;
}
