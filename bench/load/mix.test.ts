import { describe, expect, it } from "vitest";
import { loadMix, shareConnections } from "./mix";

describe("the mix", () => {
  const mix = loadMix({
    connections: { kerio: "k", kiwire: "w", kalliope: "c", kayako: "y" },
    callDays: { from: "2026-01-01", to: "2026-01-02" },
    voucherProfile: "1h",
    nextExtensionNumber: () => "880000",
  });

  it("shares the connections by weight, at least one each", () => {
    const shares = shareConnections(mix, 50);
    expect(shares.every((share) => share >= 1)).toBe(true);
    expect(shares.reduce((sum, share) => sum + share, 0)).toBeGreaterThanOrEqual(48);
    expect(shareConnections(mix, 1)).toEqual(mix.map(() => 1));
  });

  it("paces the writes and lets the reads run flat out", () => {
    expect(
      mix.filter((endpoint) => endpoint.write).every((endpoint) => endpoint.ratePerConnection === 1),
    ).toBe(true);
    expect(
      mix.filter((endpoint) => !endpoint.write).every((endpoint) => endpoint.ratePerConnection === undefined),
    ).toBe(true);
  });

  it("has reads and writes, and the writes clean up after themselves", () => {
    expect(mix.filter((endpoint) => endpoint.write).length).toBeGreaterThan(0);
    for (const endpoint of mix.filter((candidate) => candidate.write)) {
      expect(endpoint.requests.map((request) => request.method)).toContain("DELETE");
    }
  });
});
