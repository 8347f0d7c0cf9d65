import { describe, expect, it } from "vitest";
import { KIWIRE_DEFAULT_CONFIG } from "./simulator";
import { KIWIRE_SWITCH_VALUES, KIWIRE_VARIANTS, type KiwireSwitch } from "./variants";

/** What each variant's appliance actually runs with: its options over the simulator's defaults. */
const configs = KIWIRE_VARIANTS.map((variant) => ({
  ...variant,
  config: { ...KIWIRE_DEFAULT_CONFIG, ...variant.options },
}));

describe("the Kiwire variants the console's flows run against", () => {
  it.each(Object.keys(KIWIRE_SWITCH_VALUES) as KiwireSwitch[])("take every value of %s", (name) => {
    const used = new Set(configs.map(({ config }) => config[name]));
    expect([...KIWIRE_SWITCH_VALUES[name]].filter((value) => !used.has(value))).toEqual([]);
  });

  it("cap the list limit in some and not in others, and drop the NAS zone column in some", () => {
    expect(new Set(configs.map(({ config }) => config.maxListLimit === null))).toEqual(
      new Set([true, false]),
    );
    expect(new Set(configs.map(({ config }) => config.nasZoneColumn))).toEqual(new Set([true, false]));
  });

  it("restart the appliance under every answer to a forgotten token, which shows only then", () => {
    const restarting = configs.filter((variant) => variant.restarts);
    expect(new Set(restarting.map(({ config }) => config.forgottenToken))).toEqual(
      new Set(KIWIRE_SWITCH_VALUES.forgottenToken),
    );
  });

  it("have names of their own", () => {
    expect(new Set(KIWIRE_VARIANTS.map((variant) => variant.name)).size).toBe(KIWIRE_VARIANTS.length);
  });
});
