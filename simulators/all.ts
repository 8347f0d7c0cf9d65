import { startKalliopeSimulator } from "./kalliope/simulator";
import { startKayakoSimulator } from "./kayako/simulator";
import {
  KERIO_PRODUCTS,
  startKerioConnectSimulator,
  startKerioControlSimulator,
  startKerioOperatorSimulator,
} from "./kerio/simulator";
import { startKiwireSimulator } from "./kiwire/simulator";
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

/** What the CLI prints and the demo writes its connections file from. */
export function describeSimulators(simulators: readonly RunningSimulator[]) {
  return {
    simulators: simulators.map((simulator) => ({
      kind: simulator.kind,
      baseUrl: simulator.baseUrl,
      credentials: simulator.credentials,
      ...(simulator.tls && { tls: { fingerprint256: simulator.tls.fingerprint256 } }),
    })),
  };
}
