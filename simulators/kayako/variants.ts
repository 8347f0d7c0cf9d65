import type { KayakoSimulatorOptions } from "./simulator";

/**
 * Helpdesks that answer differently wherever the documents leave the answer open (README "Switches"): the
 * console's tests run once against each, so a guess of ours cannot hide behind a simulator that guessed alike.
 * Together they cover every value of every switch.
 */
export const KAYAKO_VARIANTS: ReadonlyArray<{ name: string; options: KayakoSimulatorOptions }> = [
  { name: "as our notes read it", options: {} },
  {
    name: "an older build: no GetTicketCount, search limit 20, newest posts first",
    options: { ticketCountRoute: false, searchResultLimit: 20, postOrder: "desc" },
  },
  { name: "outgoing mail fails after a write is saved", options: { mailFails: true } },
];
