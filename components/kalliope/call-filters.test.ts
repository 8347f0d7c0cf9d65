import { createLoader } from "nuqs";
import { describe, expect, it } from "vitest";
import { CallFiltersQuery } from "@/lib/api/kalliope";
import { operationUrl } from "@/lib/client/call-operation";
import { callFilterParsers, callFilterQuery } from "./call-filters";

const load = createLoader(callFilterParsers);

/** What the server reads from the URL the browser builds for a link's filters. */
function serverReads(search: string) {
  const url = operationUrl("getCallStats", {
    params: { connectionId: "pbx" },
    query: callFilterQuery(load(search)),
  });
  const query = new URL(url, "http://console.test").searchParams;
  return { url, parsed: CallFiltersQuery.parse(Object.fromEntries(query)) };
}

describe("call filters from the URL to the API", () => {
  it("sends a named period by name and leaves every empty filter out", () => {
    const { url, parsed } = serverReads("?preset=yesterday");
    expect(url).toBe(
      "/api/v1/kalliope/pbx/calls/stats?preset=yesterday&callerMode=contains&calledMode=contains",
    );
    expect(parsed.preset).toBe("yesterday");
    expect(parsed.status).toEqual([]);
  });

  it("sends a custom period as its dates, without the preset", () => {
    const { parsed } = serverReads("?preset=custom&from=2026-11-01T08:00&to=2026-11-02");
    expect(parsed).toMatchObject({ from: "2026-11-01T08:00", to: "2026-11-02" });
    expect(parsed.preset).toBeUndefined();
  });

  it("ignores dates a named period does not use", () => {
    const { parsed } = serverReads("?preset=today&from=2026-11-01");
    expect(parsed.from).toBeUndefined();
  });

  it("renames the URL's short names to the API's and keeps numbers as numbers", () => {
    const { parsed } = serverReads(
      "?status=OK,BUSY&account=42&uid=1463997154.0&minDur=30&maxBill=600&caller=0612&callerMode=begins",
    );
    expect(parsed).toMatchObject({
      status: ["OK", "BUSY"],
      accountCode: "42",
      uniqueId: "1463997154.0",
      minDuration: 30,
      maxBill: 600,
      caller: "0612",
      callerMode: "begins",
    });
  });

  it("drops a duration a hand-edited link made unreadable instead of sending NaN", () => {
    const { url, parsed } = serverReads("?minDur=abc");
    expect(url).not.toContain("minDuration");
    expect(parsed.minDuration).toBeUndefined();
  });
});
