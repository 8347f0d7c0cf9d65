import { createClock, type SimClock } from "../shared/clock";
import { type Faults, NO_FAULTS, withFaults } from "../shared/faults";
import { createRandom } from "../shared/random";
import { listen } from "../shared/server";
import type { RunningSimulator, SimulatorOptions } from "../shared/types";
import { connectMethods } from "./connect-methods";
import { type ConnectStore, seedConnect } from "./connect-store";
import { controlMethods } from "./control-methods";
import { type ApplyState, type ControlStore, seedControl } from "./control-store";
import {
  type CallContext,
  createKerioRpcServer,
  KERIO_ADMIN_API_PATH,
  type KerioProductSpec,
  type MethodHandler,
} from "./json-rpc-server";
import { operatorMethods } from "./operator-methods";
import { type OperatorStore, seedOperator } from "./operator-store";
import type { SessionStore } from "./sessions";
import {
  DEFAULT_CONNECT_VARIANT,
  DEFAULT_CONTROL_VARIANT,
  DEFAULT_OPERATOR_VARIANT,
  type KerioConnectVariant,
  type KerioControlVariant,
  type KerioOperatorVariant,
  type KerioTransportVariant,
} from "./variants";

/** Port and cookie name per product (notes §1.1, §1.4). */
export const KERIO_PRODUCTS = {
  operator: { kind: "kerio-operator", cookieProduct: "OPERATOR", defaultPort: 4021 },
  connect: { kind: "kerio-connect", cookieProduct: "CONNECT", defaultPort: 4040 },
  control: { kind: "kerio-control", cookieProduct: "CONTROL", defaultPort: 4081 },
} as const satisfies Record<string, KerioProductSpec>;

/** No source documents the idle timeout (notes §1.5, [U]); half an hour is a common admin-UI default. */
export const DEFAULT_SESSION_IDLE_TIMEOUT_MS = 30 * 60 * 1000;

/** Not documented either (notes §6, [I]); one minute gives a script ample time to confirm. */
export const DEFAULT_CONFIRM_TIMEOUT_MS = 60 * 1000;

export interface KerioSimulatorOptions extends SimulatorOptions {
  /** Admin login; defaults differ per product (see README). */
  username?: string;
  password?: string;
  /** Sessions idle longer than this answer -32001 "Session expired.". */
  sessionIdleTimeoutMs?: number;
}

export interface RunningKerioSimulator extends RunningSimulator {
  kind: "kerio-operator" | "kerio-connect" | "kerio-control";
  credentials: { username: string; password: string };
  /** `baseUrl` + the admin API path. */
  apiUrl: string;
  /** The appliance's real port, for the CLI and docs; the simulator listens on `baseUrl`'s port. */
  defaultPort: number;
  sessions: SessionStore;
  /** Calls per JSON-RPC method since start. */
  calls: Map<string, number>;
  /** Ends every session now: the next call of every client gets -32001 (tests: "expire mid-list"). */
  expireAllSessions(): number;
}

export interface KerioOperatorSimulatorOptions extends KerioSimulatorOptions {
  /** Extension numbers to seed (groups count once); default 2,000. */
  extensions?: number;
  /** PBX users (owner picker); default three quarters of the extensions. */
  users?: number;
  /** Seeded numbers start here and Extensions.getNextValidNumber searches upwards from it; default 1000. */
  firstExtensionNumber?: number;
  /** The open behaviours (variants.ts); unnamed switches keep their default. */
  variant?: Partial<KerioOperatorVariant>;
}

export interface RunningKerioOperatorSimulator extends RunningKerioSimulator {
  kind: "kerio-operator";
  store: OperatorStore;
  variant: KerioOperatorVariant;
}

export interface KerioConnectSimulatorOptions extends KerioSimulatorOptions {
  /** Mail domains; default 3 (the first is primary). */
  domains?: number;
  /** Users seeded in each domain; default 100 (about 90 % enabled). */
  usersPerDomain?: number;
  /** Enabled users the licence allows over all domains; default 500; Infinity for unlimited. */
  licenseUserLimit?: number;
  variant?: Partial<KerioConnectVariant>;
}

export interface RunningKerioConnectSimulator extends RunningKerioSimulator {
  kind: "kerio-connect";
  store: ConnectStore;
  variant: KerioConnectVariant;
}

export interface KerioControlSimulatorOptions extends KerioSimulatorOptions {
  /** Rough number of IP address group entries to seed; default 40. */
  ipAddressEntries?: number;
  /** How long after IpAddressGroups.apply a Session.confirmConfig is accepted; default 60 s. */
  confirmTimeoutMs?: number;
  /**
   * Limit admin access to the "Remote administration" group and drop requests from other addresses;
   * default true. Off, nothing can lock the admin out (validate* then never warn).
   */
  restrictRemoteAdmin?: boolean;
  variant?: Partial<KerioControlVariant>;
}

export interface RunningKerioControlSimulator extends RunningKerioSimulator {
  kind: "kerio-control";
  store: ControlStore;
  variant: KerioControlVariant;
  /** How the last configuration-changing apply ended: pending, confirmed or reverted (evaluated now). */
  lastApply(): ApplyState;
}

interface ProductWiring {
  spec: KerioProductSpec;
  methods: Record<string, MethodHandler>;
  credentials: { username: string; password: string };
  userNameAliases?: string[];
  anonymousCallMessage?: boolean;
  logoutResult?: (context: CallContext) => unknown;
  admit?: (remoteAddress: string) => boolean;
  transport: KerioTransportVariant;
}

interface Prepared {
  seed: number;
  clock: SimClock;
  faults: Faults;
}

function prepare(options: KerioSimulatorOptions): Prepared {
  return {
    seed: options.seed ?? 1,
    clock: createClock(options.clockOffsetMs ?? 0),
    faults: { ...NO_FAULTS, ...options.faults },
  };
}

async function startProduct(
  options: KerioSimulatorOptions,
  prepared: Prepared,
  wiring: ProductWiring,
): Promise<RunningKerioSimulator> {
  const stats = { requests: 0, logins: 0 };
  const server = createKerioRpcServer({
    product: wiring.spec,
    methods: wiring.methods,
    credentials: wiring.credentials,
    userNameAliases: wiring.userNameAliases,
    clock: prepared.clock,
    sessionIdleTimeoutMs: options.sessionIdleTimeoutMs ?? DEFAULT_SESSION_IDLE_TIMEOUT_MS,
    secureCookies: options.https === true,
    stats,
    anonymousCallMessage: wiring.anonymousCallMessage,
    logoutResult: wiring.logoutResult ?? (() => ({})),
    admit: wiring.admit,
    transport: wiring.transport,
  });
  const handler = withFaults(server.handler, prepared.faults, createRandom(prepared.seed + 1));
  const listening = await listen(handler, options);
  return {
    kind: wiring.spec.kind,
    baseUrl: listening.baseUrl,
    apiUrl: `${listening.baseUrl}${KERIO_ADMIN_API_PATH}`,
    defaultPort: wiring.spec.defaultPort,
    credentials: { ...wiring.credentials },
    tls: listening.tls,
    faults: prepared.faults,
    clock: prepared.clock,
    stats,
    sessions: server.sessions,
    calls: server.calls,
    expireAllSessions: () => server.sessions.expireAll(),
    close: listening.close,
  };
}

export async function startKerioOperatorSimulator(
  options: KerioOperatorSimulatorOptions = {},
): Promise<RunningKerioOperatorSimulator> {
  const prepared = prepare(options);
  const extensions = options.extensions ?? 2000;
  const store = seedOperator(createRandom(prepared.seed), {
    extensions,
    users: options.users ?? Math.ceil(extensions * 0.75),
    firstExtensionNumber: options.firstExtensionNumber ?? 1000,
  });
  const variant = { ...DEFAULT_OPERATOR_VARIANT, ...options.variant };
  const running = await startProduct(options, prepared, {
    spec: KERIO_PRODUCTS.operator,
    methods: operatorMethods(store, variant),
    transport: variant,
    credentials: {
      username: options.username ?? "Admin",
      password: options.password ?? "kerio-operator-demo",
    },
  });
  return { ...running, kind: "kerio-operator", store, variant };
}

export async function startKerioConnectSimulator(
  options: KerioConnectSimulatorOptions = {},
): Promise<RunningKerioConnectSimulator> {
  const prepared = prepare(options);
  const store = seedConnect(
    createRandom(prepared.seed),
    { domains: Math.max(1, options.domains ?? 3), usersPerDomain: options.usersPerDomain ?? 100 },
    options.licenseUserLimit ?? 500,
  );
  const username = options.username ?? "Admin";
  const variant = { ...DEFAULT_CONNECT_VARIANT, ...options.variant };
  const running = await startProduct(options, prepared, {
    spec: KERIO_PRODUCTS.connect,
    methods: connectMethods(store, variant),
    transport: variant,
    credentials: { username, password: options.password ?? "kerio-connect-demo" },
    // IDL: "login name + domain name (can be omitted if primary)".
    userNameAliases: [`${username}@${store.primaryDomain().name}`],
    anonymousCallMessage: true,
    logoutResult: (context) => ({ redirectUrl: `${context.origin}/admin/login` }),
  });
  return { ...running, kind: "kerio-connect", store, variant };
}

export async function startKerioControlSimulator(
  options: KerioControlSimulatorOptions = {},
): Promise<RunningKerioControlSimulator> {
  const prepared = prepare(options);
  const store = seedControl(
    createRandom(prepared.seed),
    prepared.clock,
    { ipAddressEntries: options.ipAddressEntries ?? 40 },
    options.restrictRemoteAdmin ?? true,
    options.confirmTimeoutMs ?? DEFAULT_CONFIRM_TIMEOUT_MS,
  );
  const variant = { ...DEFAULT_CONTROL_VARIANT, ...options.variant };
  store.temporaryIds = variant.createdIds === "temporary";
  const running = await startProduct(options, prepared, {
    spec: KERIO_PRODUCTS.control,
    methods: controlMethods(store, variant),
    transport: variant,
    credentials: {
      username: options.username ?? "Admin",
      password: options.password ?? "kerio-control-demo",
    },
    admit: (address) => store.admits(address),
  });
  return {
    ...running,
    kind: "kerio-control",
    store,
    variant,
    lastApply: () => {
      store.tick();
      return { ...store.applyState };
    },
  };
}
