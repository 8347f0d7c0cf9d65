import type { KalliopeSimulatorOptions } from "./simulator";

/**
 * PBXs that answer differently wherever the documents leave the answer open (README "Switches"): the
 * console's tests run once against each, so a guess of ours cannot hide behind a simulator that guessed alike.
 * Together they cover every value of every switch.
 */
export const KALLIOPE_VARIANTS: ReadonlyArray<{ name: string; options: KalliopeSimulatorOptions }> = [
  { name: "as our notes read it", options: {} },
  {
    name: "detailed JSON in rows, refusals 400, salt in XML",
    options: { detailedLayout: "rows", authFailureStatus: 400, saltAnswer: "xml" },
  },
  {
    name: "XML only, detailed in rows, refusals 403",
    options: { cdrOutput: "xml", detailedLayout: "rows", authFailureStatus: 403 },
  },
  { name: "CSV only", options: { cdrOutput: "csv" } },
];
