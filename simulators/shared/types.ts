import type { SimClock } from "./clock";
import type { Faults } from "./faults";
import type { ListenOptions, TlsIdentity } from "./server";

/** Options every simulator takes; each vendor adds its own (data sizes, session lifetimes, ...). */
export interface SimulatorOptions extends ListenOptions {
  /** Same seed, same data. */
  seed?: number;
  faults?: Partial<Faults>;
  /** Milliseconds the simulator's clock runs ahead (positive) or behind (negative) real time. */
  clockOffsetMs?: number;
}

/** What a started simulator exposes to the CLI, the demo and the tests. */
export interface RunningSimulator {
  /** The connection kind the console uses for it, e.g. "kerio-operator". */
  kind: string;
  baseUrl: string;
  /** Demo credentials, under the console's connection field names (username, password, apiKey, ...). */
  credentials: Record<string, string>;
  tls: TlsIdentity | null;
  /** Mutable while running. */
  faults: Faults;
  clock: SimClock;
  /** Counters the tests read, e.g. how many logins the console made. */
  stats: { requests: number; logins: number };
  close(): Promise<void>;
}
