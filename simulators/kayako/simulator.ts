import type { IncomingMessage, ServerResponse } from "node:http";
import { BodyTooLargeError, readBody } from "../shared/body";
import { createClock } from "../shared/clock";
import { type Faults, NO_FAULTS, withFaults } from "../shared/faults";
import { createRandom } from "../shared/random";
import { listen } from "../shared/server";
import type { RunningSimulator, SimulatorOptions } from "../shared/types";
import { BASE_APP } from "./base-app";
import type { CallContext, Controller, KayakoSettings } from "./controller";
import { hasDisallowedCharacters, parseKayakoRequest, routeSegments } from "./request";
import {
  fileNotFound,
  notSimulated,
  PHP_DEFAULT_CONTENT_TYPE,
  type Reply,
  uncaughtException,
} from "./responses";
import { authenticate } from "./signature";
import { hash32, KayakoStore } from "./store";
import { TICKETS_APP } from "./tickets-app";

/**
 * Kayako Classic (v4 "Fusion") REST API simulator: `<origin>/api/index.php?e=/App/Controller/...`,
 * signed with apikey/salt/signature, answering Kayako's XML. See README.md for what it implements and
 * every decision taken where the vendor documents are silent.
 */

export interface KayakoSimulatorOptions extends SimulatorOptions {
  /** REST API key; default: a UUID derived from the seed. */
  apiKey?: string;
  /** REST secret key; default: 96 base64 characters derived from the seed, like Kayako's own. */
  secretKey?: string;
  /** Seeded tickets (default 5,000; at most 10,000,000). Generated lazily, so size does not slow start-up. */
  tickets?: number;
  /** Staff accounts (default 30). */
  staff?: number;
  /** Users (default 300). */
  users?: number;
  /** User organisations (default 40). */
  organizations?: number;
  /** Days of ticket history before start (default 180). */
  historyDays?: number;
  /** Epoch milliseconds the seeded history ends at; default: the simulator clock at start, to the hour. */
  anchorTime?: number;
  /** false answers every API request 403 (`g_enableapiinterface` off). Default true. */
  apiEnabled?: boolean;
  /** Text prepended to every XML answer (PHP notices before `<?xml`). Default "". */
  junkBeforeXml?: string;
  /** Order of posts in ticket answers (`t_postorder`). Default "asc". */
  postOrder?: "asc" | "desc";
  /** Most tickets TicketSearch returns (`t_resultlimit`). Default 100. */
  searchResultLimit?: number;
  /** false: an older build without `GetTicketCount` (notes §4.2, §8). Default true. */
  ticketCountRoute?: boolean;
  /** true: outgoing mail fails after a write is saved, answered as an uncaught exception. Default false. */
  mailFails?: boolean;
}

export interface RunningKayakoSimulator extends RunningSimulator {
  kind: "kayako";
  /** Exactly `<origin>/api/index.php`. */
  baseUrl: string;
  credentials: { apiKey: string; secretKey: string };
  /** The simulated helpdesk, for tests to inspect. */
  store: KayakoStore;
  /** Mutable while running (API on/off, junk before XML, post order, search limit, build, mail, keys). */
  settings: KayakoSettings;
  /** Kayako has no login: `logins` stays 0; signed requests are counted instead. */
  stats: { requests: number; logins: number; authenticated: number; authFailures: number };
}

export const KAYAKO_DEFAULTS = {
  seed: 1,
  tickets: 5_000,
  staff: 30,
  users: 300,
  organizations: 40,
  historyDays: 180,
  searchResultLimit: 100,
} as const;

/** A PHP warning of the kind that ends up before `<?xml` on helpdesks with display_errors on (§3, §5). */
export const PHP_NOTICE_JUNK =
  '<br />\n<b>Warning</b>:  Undefined array key "isprivate" in <b>/var/www/kayako/__apps/tickets/api/class.Controller_TicketPost.php</b> on line <b>387</b><br />\n';

const APPS = new Map<string, { label: string; namespace: string; controllers: readonly Controller[] }>([
  ["base", { label: "Base", namespace: "Base\\API", controllers: BASE_APP }],
  ["tickets", { label: "Tickets", namespace: "Tickets\\Api", controllers: TICKETS_APP }],
]);

/** Methods of `SWIFT_Controller` itself, which the loader refuses as actions. */
const RESERVED_ACTIONS = new Set(["load", "loadcustomcontroller", "stoprendering", "isstoprendering"]);

/** Kayako's `Clean()` as used in router messages: drops anything but letters, digits, space, `_` and `-`. */
function clean(value: string): string {
  return value.replace(/[^a-zA-Z0-9 _-]/g, "");
}

function demoCredentials(seed: number): { apiKey: string; secretKey: string } {
  const random = createRandom(hash32(seed, 0, 20));
  const uuid = () =>
    `${random.hex(8)}-${random.hex(4)}-4${random.hex(3)}-${"89ab"[random.int(0, 3)]}${random.hex(3)}-${random.hex(12)}`;
  return {
    apiKey: uuid(),
    secretKey: Buffer.from(uuid() + uuid())
      .toString("base64")
      .slice(0, 254),
  };
}

const APACHE_NOT_FOUND =
  '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n</body></html>\n';

export async function startKayakoSimulator(
  options: KayakoSimulatorOptions = {},
): Promise<RunningKayakoSimulator> {
  const seed = options.seed ?? KAYAKO_DEFAULTS.seed;
  const clock = createClock(options.clockOffsetMs ?? 0);
  const faults: Faults = { ...NO_FAULTS, ...options.faults };
  const anchorMs = options.anchorTime ?? clock.now();
  const store = new KayakoStore({
    seed,
    tickets: options.tickets ?? KAYAKO_DEFAULTS.tickets,
    staff: options.staff ?? KAYAKO_DEFAULTS.staff,
    users: options.users ?? KAYAKO_DEFAULTS.users,
    organizations: options.organizations ?? KAYAKO_DEFAULTS.organizations,
    historyDays: options.historyDays ?? KAYAKO_DEFAULTS.historyDays,
    anchor: Math.floor(anchorMs / 3_600_000) * 3_600,
  });
  const demo = demoCredentials(seed);
  const settings: KayakoSettings = {
    apiEnabled: options.apiEnabled ?? true,
    junkBeforeXml: options.junkBeforeXml ?? "",
    postOrder: options.postOrder ?? "asc",
    searchResultLimit: options.searchResultLimit ?? KAYAKO_DEFAULTS.searchResultLimit,
    ticketCountRoute: options.ticketCountRoute ?? true,
    mailFails: options.mailFails ?? false,
    apiKey: options.apiKey ?? demo.apiKey,
    secretKey: options.secretKey ?? demo.secretKey,
  };
  const stats = { requests: 0, logins: 0, authenticated: 0, authFailures: 0 };

  const respond = async (req: IncomingMessage): Promise<Reply> => {
    const rawUrl = req.url ?? "/";
    const questionMark = rawUrl.indexOf("?");
    const pathname = questionMark < 0 ? rawUrl : rawUrl.slice(0, questionMark);
    if (pathname !== "/api/index.php") {
      return { status: 404, body: APACHE_NOT_FOUND, contentType: "text/html; charset=iso-8859-1" };
    }
    const method = (req.method ?? "GET").toUpperCase();
    let body: string;
    try {
      body = await readBody(req);
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        return { status: 413, body: "Request Entity Too Large", contentType: "text/plain; charset=UTF-8" };
      }
      throw error;
    }
    const request = parseKayakoRequest(
      method,
      questionMark < 0 ? "" : rawUrl.slice(questionMark + 1),
      req.headers["content-type"] ?? "",
      body,
    );

    // Routing happens before the controller exists, hence before authentication (S6 SWIFT_Router).
    const segments = routeSegments(request.route);
    const [appSegment, controllerSegment, actionSegment] = segments;
    if (appSegment === undefined) return fileNotFound('"Api" Interface directory does not exist');
    const appName = appSegment.toLowerCase();
    const app = APPS.get(appName);
    if (!app) return fileNotFound(`"${clean(appSegment)}" SWIFT App does not exist`);
    const controller = app.controllers.find((c) => c.name === controllerSegment);
    if (!controller) {
      return fileNotFound(
        `"Default" Controller OR a DEFAULT Controller in SWIFT App "${clean(appSegment)}" for Interface "api" does not exist (DEFAULT-MAIN)`,
      );
    }
    const actionName = actionSegment ?? "Index";
    if (actionName.startsWith("_") || RESERVED_ACTIONS.has(actionName.toLowerCase())) {
      return fileNotFound(
        `"Controller_${controller.name}" Controller is attempting to call an Invalid Action "${clean(actionName)}"  in SWIFT App "${appName}"`,
      );
    }
    if (segments.some(hasDisallowedCharacters)) {
      return fileNotFound("The URI you submitted has disallowed characters.", 400);
    }
    const args = segments.slice(3);
    const routerPath = `/api/index.php?/${app.label}/${controller.name}/${actionName}${args.map((a) => `/${a}`).join("")}`;
    if (!["GET", "POST", "PUT", "DELETE"].includes(method)) {
      // SWIFT_RESTServer knows only these four verbs; with any other it is "not loaded" and throws.
      return uncaughtException(
        routerPath,
        "Class not Loaded",
        "./__swift/library/REST/class.SWIFT_RESTServer.php",
        false,
      );
    }

    // Controller_api::__construct: API switch, salt, then key and signature.
    if (!settings.apiEnabled) return { status: 403, body: "", contentType: PHP_DEFAULT_CONTENT_TYPE };
    const outcome = authenticate(
      {
        apikey: request.variables.apikey,
        salt: request.variables.salt,
        signature: request.variables.signature,
      },
      settings.apiKey,
      settings.secretKey,
    );
    if (outcome === "no-salt") {
      stats.authFailures++;
      return { status: 401, body: "NO SALT PROVIDED!", contentType: PHP_DEFAULT_CONTENT_TYPE };
    }
    if (outcome === "failed") {
      stats.authFailures++;
      return { status: 401, body: "FAILED TO AUTHENTICATE", contentType: PHP_DEFAULT_CONTENT_TYPE };
    }
    stats.authenticated++;

    // A public method named by the action segment is called directly (PHP method names are
    // case-insensitive); otherwise `Controller_api::__call` maps the verb and passes the segment as ID.
    // A method the helpdesk's build lacks is no public method there: the segment becomes an ID argument.
    const actions = controller.actions.filter((a) => a.inBuild?.(settings) ?? true);
    let target = actions.find((a) => a.name.toLowerCase() === actionName.toLowerCase());
    let callArgs: string[] = args;
    if (!target) {
      const fn =
        method === "GET"
          ? actionName === "Index"
            ? "GetList"
            : "Get"
          : method === "POST"
            ? "Post"
            : method === "PUT"
              ? "Put"
              : "Delete";
      target = actions.find((a) => a.name === fn);
      callArgs = [actionName === "Index" ? "" : actionName, ...args];
      if (!target) {
        return uncaughtException(
          routerPath,
          `Undeclared Function Called in API Controller: ${fn}`,
          "./__swift/library/Controllers/class.Controller_api.php",
          true,
        );
      }
    }
    if (target.notSimulated) return notSimulated(method, `/${segments.join("/")}`);
    if (callArgs.length < target.required) {
      const expected = target.required === target.total ? "exactly" : "at least";
      return uncaughtException(
        routerPath,
        `Too few arguments to function ${app.namespace}\\Controller_${controller.name}::${target.name}(), ${callArgs.length} passed and ${expected} ${target.required} expected`,
        controller.file,
        true,
      );
    }
    const ctx: CallContext = {
      store,
      settings,
      now: Math.floor(clock.now() / 1000),
      method,
      post: request.post,
      route: `/${segments.join("/")}`,
      routerPath,
    };
    return target.run(ctx, callArgs);
  };

  const handler = async (req: IncomingMessage, res: ServerResponse) => {
    stats.requests++;
    const reply = await respond(req);
    let body = reply.body;
    if (settings.junkBeforeXml && body.startsWith("<?xml")) body = settings.junkBeforeXml + body;
    res.writeHead(reply.status, {
      "content-type": reply.contentType,
      "content-length": Buffer.byteLength(body),
      date: new Date(clock.now()).toUTCString(),
      server: "Apache",
    });
    res.end(body);
  };

  const listening = await listen(withFaults(handler, faults, createRandom(seed + 1)), options);

  return {
    kind: "kayako",
    baseUrl: `${listening.baseUrl}/api/index.php`,
    get credentials() {
      return { apiKey: settings.apiKey, secretKey: settings.secretKey };
    },
    tls: listening.tls,
    faults,
    clock,
    stats,
    store,
    settings,
    close: () => listening.close(),
  };
}
