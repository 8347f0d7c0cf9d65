import type { Reply } from "./responses";
import type { KayakoStore } from "./store";

/** Helpdesk settings the tests and the demo may flip while the simulator runs. */
export interface KayakoSettings {
  /** `g_enableapiinterface`: false answers every request 403 with an empty body (notes §2). */
  apiEnabled: boolean;
  /** Prepended to every XML answer, like the PHP notices some helpdesks print before `<?xml` (§3, §5). */
  junkBeforeXml: string;
  /** `t_postorder`: order of posts in ticket answers. */
  postOrder: "asc" | "desc";
  /** `t_resultlimit`: at most this many tickets from TicketSearch. */
  searchResultLimit: number;
  /** The build has `Ticket::GetTicketCount` (newer builds only, notes §4.2, §8). */
  ticketCountRoute: boolean;
  /**
   * Outgoing mail fails: a write that sends mail (a mailed staff reply, a ticket change that notifies) is
   * saved first, then the mailer throws and the answer is PHP's uncaught-exception page, HTTP 200.
   */
  mailFails: boolean;
  apiKey: string;
  secretKey: string;
}

export interface CallContext {
  store: KayakoStore;
  settings: KayakoSettings;
  /** The simulator clock, Unix seconds (Kayako's DATENOW). */
  now: number;
  method: string;
  /** `$_POST` as the controllers see it. */
  post: Record<string, string>;
  /** "/App/Controller/..." for messages. */
  route: string;
  /** The router line of uncaught-exception pages. */
  routerPath: string;
}

export type ActionArgs = readonly (string | undefined)[];

/** A public method of a Kayako API controller. */
export interface Action {
  name: string;
  /** Required PHP parameters: calling with fewer raises ArgumentCountError (an uncaught exception). */
  required: number;
  /** All PHP parameters, optional ones included (for the ArgumentCountError wording). */
  total: number;
  /** The real controller has the method but the simulator does not implement it. */
  notSimulated?: boolean;
  /** Whether this helpdesk's build has the method (absent: every build has it). */
  inBuild?: (settings: KayakoSettings) => boolean;
  run(ctx: CallContext, args: ActionArgs): Reply;
}

export interface Controller {
  /** Case-sensitive, as the controller file name on the server is. */
  name: string;
  /** Source file, for uncaught-exception messages. */
  file: string;
  actions: Action[];
}

export function action(name: string, required: number, run: Action["run"], total = required): Action {
  return { name, required, total, run };
}

/** Methods the real controller declares that the simulator leaves out (answered 501). */
export function notSimulatedActions(...names: string[]): Action[] {
  return names.map((name) => ({
    name,
    required: 0,
    total: 0,
    notSimulated: true,
    run: () => {
      throw new Error("not simulated actions are answered by the dispatcher");
    },
  }));
}
