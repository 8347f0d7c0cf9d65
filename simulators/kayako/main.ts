import { parseArgs } from "node:util";
import { connectionLimitFromEnv } from "../shared/connection-limit";
import { faultsFromEnv } from "../shared/faults";
import { kayakoSignature } from "./signature";
import { KAYAKO_DEFAULTS, PHP_NOTICE_JUNK, startKayakoSimulator } from "./simulator";

/**
 * Runs the Kayako simulator on its own:
 *   npx tsx simulators/kayako/main.ts [--port 8084] [--https] [--seed 1] [--tickets 5000] ...
 * Fault injection comes from SIM_LATENCY_MS, SIM_FAIL_RATE, SIM_MALFORMED_RATE, SIM_DROP_RATE; a cap on the
 * requests served at once from SIM_CONNECTION_LIMIT and SIM_CONNECTION_OVERFLOW (simulators/shared/connection-limit.ts).
 */

const USAGE = `Usage: npx tsx simulators/kayako/main.ts [options]
  --port <n>            listen port (default: a free one)
  --host <addr>         listen address (default 127.0.0.1)
  --https               serve HTTPS with a self-signed certificate
  --seed <n>            data seed (default ${KAYAKO_DEFAULTS.seed})
  --tickets <n>         seeded tickets (default ${KAYAKO_DEFAULTS.tickets})
  --staff <n>           staff accounts (default ${KAYAKO_DEFAULTS.staff})
  --users <n>           users (default ${KAYAKO_DEFAULTS.users})
  --organizations <n>   user organisations (default ${KAYAKO_DEFAULTS.organizations})
  --api-key <key>       REST API key (default: derived from the seed)
  --secret-key <key>    REST secret key (default: derived from the seed)
  --api-disabled        answer every request 403, as with the API interface switched off
  --junk                prepend a PHP warning before every <?xml
  --post-order asc|desc order of posts in ticket answers (default asc)
  --search-limit <n>    most tickets TicketSearch returns, t_resultlimit (default ${KAYAKO_DEFAULTS.searchResultLimit})
  --without-ticket-count  an older build without /Tickets/Ticket/GetTicketCount
  --mail-fails          outgoing mail fails after a reply or ticket change is saved (HTTP 200 exception page)
  --help                show this text`;

function integer(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < 0)
    throw new Error(`--${name} must be a non-negative integer, got "${value}"`);
  return parsed;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: "string" },
      host: { type: "string" },
      https: { type: "boolean" },
      seed: { type: "string" },
      tickets: { type: "string" },
      staff: { type: "string" },
      users: { type: "string" },
      organizations: { type: "string" },
      "api-key": { type: "string" },
      "secret-key": { type: "string" },
      "api-disabled": { type: "boolean" },
      junk: { type: "boolean" },
      "post-order": { type: "string" },
      "search-limit": { type: "string" },
      "without-ticket-count": { type: "boolean" },
      "mail-fails": { type: "boolean" },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const postOrder = values["post-order"];
  if (postOrder !== undefined && postOrder !== "asc" && postOrder !== "desc") {
    throw new Error(`--post-order must be asc or desc, got "${postOrder}"`);
  }
  const sim = await startKayakoSimulator({
    port: integer("port", values.port) ?? 0,
    ...(values.host === undefined ? {} : { host: values.host }),
    https: values.https ?? false,
    seed: integer("seed", values.seed) ?? KAYAKO_DEFAULTS.seed,
    tickets: integer("tickets", values.tickets) ?? KAYAKO_DEFAULTS.tickets,
    staff: integer("staff", values.staff) ?? KAYAKO_DEFAULTS.staff,
    users: integer("users", values.users) ?? KAYAKO_DEFAULTS.users,
    organizations: integer("organizations", values.organizations) ?? KAYAKO_DEFAULTS.organizations,
    ...(values["api-key"] === undefined ? {} : { apiKey: values["api-key"] }),
    ...(values["secret-key"] === undefined ? {} : { secretKey: values["secret-key"] }),
    apiEnabled: !values["api-disabled"],
    junkBeforeXml: values.junk ? PHP_NOTICE_JUNK : "",
    ...(postOrder === undefined ? {} : { postOrder }),
    searchResultLimit: integer("search-limit", values["search-limit"]) ?? KAYAKO_DEFAULTS.searchResultLimit,
    ticketCountRoute: !values["without-ticket-count"],
    mailFails: values["mail-fails"] ?? false,
    faults: faultsFromEnv(),
    connectionLimit: connectionLimitFromEnv(),
  });
  const salt = "1234567890";
  const signature = encodeURIComponent(kayakoSignature(sim.credentials.secretKey, salt));
  console.log(`Kayako simulator listening
  baseUrl:   ${sim.baseUrl}
  apiKey:    ${sim.credentials.apiKey}
  secretKey: ${sim.credentials.secretKey}${sim.tls ? `\n  TLS SHA-256 fingerprint: ${sim.tls.fingerprint256}` : ""}

Try:
  curl ${sim.tls ? "-k " : ""}'${sim.baseUrl}?e=/Base/Department&apikey=${encodeURIComponent(sim.credentials.apiKey)}&salt=${salt}&signature=${signature}'`);
  const stop = () => {
    void sim.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  console.error(USAGE);
  process.exit(1);
});
