import type { CreateConnectionInput, TlsSettings } from "@/lib/api/connections";
import { type ConnectionKind, TIME_ZONE_KINDS } from "@/lib/connection-kinds";
import { startKalliopeSimulator } from "@/simulators/kalliope/simulator";
import { startKayakoSimulator } from "@/simulators/kayako/simulator";
import {
  startKerioConnectSimulator,
  startKerioControlSimulator,
  startKerioOperatorSimulator,
} from "@/simulators/kerio/simulator";
import { type RunningKiwireSimulator, startKiwireSimulator } from "@/simulators/kiwire/simulator";
import type { RunningSimulator } from "@/simulators/shared/types";

/** Every simulator with the smallest data that still logs in: tests need the protocol, not the data. */
export function startSmallSimulator(kind: ConnectionKind, https: boolean): Promise<RunningSimulator> {
  const common = { https, port: 0 };
  switch (kind) {
    case "kerio-operator":
      return startKerioOperatorSimulator({ ...common, extensions: 5 });
    case "kerio-connect":
      return startKerioConnectSimulator({ ...common, domains: 1, usersPerDomain: 2 });
    case "kerio-control":
      return startKerioControlSimulator({ ...common, ipAddressEntries: 4 });
    case "kiwire":
      return startKiwireSimulator({
        ...common,
        users: 3,
        vouchers: 3,
        profiles: 2,
        nas: 1,
        devices: 1,
        historyDays: 1,
      });
    case "kalliope":
      return startKalliopeSimulator({ ...common, callsPerDay: 5, days: 1 });
    case "kayako":
      return startKayakoSimulator({
        ...common,
        tickets: 5,
        staff: 2,
        users: 3,
        organizations: 1,
        historyDays: 2,
      });
  }
}

const isKiwire = (simulator: RunningSimulator): simulator is RunningKiwireSimulator =>
  simulator.kind === "kiwire";

/**
 * The signing settings a Kiwire appliance needs its connection to name, as its admin would set them: the dashed
 * `time` spelling or the raw key where it takes only that. One that takes the console's defaults, or either
 * spelling, gets none.
 */
function kiwireSigningFor({ config }: RunningKiwireSimulator) {
  return {
    ...(config.timeFormat === "Y-m-d H:i:s" ? { timeFormat: config.timeFormat } : {}),
    ...(config.signing === "raw" ? { signing: config.signing } : {}),
  };
}

/**
 * The API body that connects to a running simulator (its credentials use the console's field names). A
 * plain-HTTP simulator is connected as "insecure" (the only TLS mode http:// takes); Kiwire and KalliopePBX
 * get the zone they run in (the simulators keep UTC unless a test says otherwise in `overrides`), Kiwire the
 * signing its appliance takes.
 */
export function connectionFor(
  simulator: RunningSimulator,
  overrides: Partial<Record<string, unknown>> & { tls?: TlsSettings } = {},
): CreateConnectionInput {
  const tls: TlsSettings = simulator.tls
    ? { mode: "pin", fingerprint256: simulator.tls.fingerprint256 }
    : { mode: "insecure" };
  const zone = (TIME_ZONE_KINDS as readonly string[]).includes(simulator.kind)
    ? { timeZone: (simulator as Partial<RunningKiwireSimulator>).config?.timeZone ?? "UTC" }
    : {};
  const signing = isKiwire(simulator) ? kiwireSigningFor(simulator) : {};
  return {
    kind: simulator.kind,
    name: `${simulator.kind} ${simulator.tls ? "https" : "http"}`,
    baseUrl: simulator.baseUrl,
    ...simulator.credentials,
    ...zone,
    ...signing,
    tls,
    ...overrides,
  } as CreateConnectionInput;
}
