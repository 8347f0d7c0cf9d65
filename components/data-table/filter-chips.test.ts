import { describe, expect, it, vi } from "vitest";
import { type ChipField, filterChips } from "./filter-chips";

interface State {
  caller: string;
  callerMode: "begins" | "contains";
  status: string[];
  gateway: string;
}

const FIELDS: ChipField<State>[] = [
  {
    keys: ["caller", "callerMode"],
    name: "Caller",
    value: (state) => (state.caller ? `${state.callerMode} ${state.caller}` : null),
  },
  { keys: ["status"], name: "Status", value: (state) => state.status.join(", ") || null },
  { keys: ["gateway"], name: "Gateway", value: (state) => state.gateway || null },
];

describe("filterChips", () => {
  it("makes a chip of each filter that narrows the list, in the order of the fields", () => {
    const chips = filterChips(
      { caller: "0612", callerMode: "begins", status: ["OK", "BUSY"], gateway: "" },
      FIELDS,
      () => {},
    );
    expect(chips.map(({ name, value }) => [name, value])).toEqual([
      ["Caller", "begins 0612"],
      ["Status", "OK, BUSY"],
    ]);
  });

  it("removes exactly the keys its filter spans", () => {
    const reset = vi.fn();
    const [caller] = filterChips(
      { caller: "0612", callerMode: "begins", status: [], gateway: "" },
      FIELDS,
      reset,
    );
    caller?.remove();
    expect(reset).toHaveBeenCalledExactlyOnceWith(["caller", "callerMode"]);
  });

  it("has no chip while nothing narrows the list", () => {
    expect(
      filterChips({ caller: "", callerMode: "begins", status: [], gateway: "" }, FIELDS, () => {}),
    ).toEqual([]);
  });
});
