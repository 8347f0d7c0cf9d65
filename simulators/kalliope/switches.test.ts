import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DETAIL_FIELDS, SUMMARY_FIELDS } from "./cdr-data";
import { type RunningKalliopeSimulator, startKalliopeSimulator } from "./simulator";
import { parseCsv, signedFetch } from "./test-support";

/** The switches for what the documents leave open (README "Switches"), each against the default answer. */

const NOW = Date.parse("2024-03-15T12:00:00Z");
const DAY = "/rest/cdr/detailed/2024/03/13";

const start = (options: Parameters<typeof startKalliopeSimulator>[0]) =>
  startKalliopeSimulator({ seed: 7, callsPerDay: 30, days: 5, clockOffsetMs: NOW - Date.now(), ...options });

describe("detailed layout", () => {
  let nested: RunningKalliopeSimulator;
  let rows: RunningKalliopeSimulator;
  beforeAll(async () => {
    [nested, rows] = await Promise.all([start({}), start({ detailedLayout: "rows" })]);
  });
  afterAll(async () => {
    await Promise.all([nested.close(), rows.close()]);
  });

  it("rows: one JSON record per path step with the call's fields, exactly the CSV export's rows", async () => {
    const records = (await (await signedFetch(rows, DAY, { accept: "application/json" })).json()) as Array<
      Record<string, string | number>
    >;
    const [, ...csv] = parseCsv(await (await signedFetch(nested, DAY, { accept: "text/csv" })).text());
    const columns = [...SUMMARY_FIELDS, ...DETAIL_FIELDS];
    expect(records.every((record) => !("details" in record))).toBe(true);
    expect(records.map((record) => columns.map((field) => String(record[field])))).toEqual(csv);
    // Several records share a call's id: the path of one call.
    expect(new Set(records.map((record) => record.id)).size).toBeLessThan(records.length);
  });

  it("rows: XML repeats <call> per step, with the detail fields beside the call's", async () => {
    const xml = await (await signedFetch(rows, DAY, { accept: "application/xml" })).text();
    const json = (await (await signedFetch(rows, DAY, { accept: "application/json" })).json()) as unknown[];
    expect(xml.match(/<call>/g)).toHaveLength(json.length);
    expect(xml).not.toContain("<details>");
    expect(xml).toContain("<detail_exit_cause>");
  });

  it("nested stays the default, and summary is the same under both", async () => {
    const [a, b] = await Promise.all(
      [nested, rows].map(async (sim) =>
        (await signedFetch(sim, "/rest/cdr/summary/2024/03/13", { accept: "application/json" })).text(),
      ),
    );
    expect(a).toBe(b);
    const calls = (await (await signedFetch(nested, DAY, { accept: "application/json" })).json()) as Array<{
      details: unknown[];
    }>;
    expect(calls.every((call) => Array.isArray(call.details))).toBe(true);
  });
});

describe("answers a PBX may give where the documents are silent", () => {
  let sim: RunningKalliopeSimulator;
  beforeAll(async () => {
    sim = await start({ authFailureStatus: 400, cdrOutput: "csv", saltAnswer: "xml" });
  });
  afterAll(async () => {
    await sim.close();
  });

  it("refuses a bad signature with the configured status", async () => {
    const response = await signedFetch(sim, DAY, { password: "wrong" });
    expect(response.status).toBe(400);
    expect(sim.authFailures.at(-1)?.reason).toBe("bad-digest");
  });

  it("answers CSV whatever Accept asks for, and the salt in XML even to a JSON Accept", async () => {
    const response = await signedFetch(sim, DAY, { accept: "application/json" });
    expect(response.headers.get("content-type")).toMatch(/^text\/csv/);
    expect((await response.text()).startsWith("#id,")).toBe(true);
    const salt = await fetch(`${sim.baseUrl}/rest/salt/default`, { headers: { accept: "application/json" } });
    expect(await salt.text()).toMatch(/^<\?xml version="1.0"\?>\n<response><salt>[0-9a-f]{32}<\/salt>/);
  });

  it("refuses a switch value that is not a client error status", async () => {
    await expect(start({ authFailureStatus: 500 })).rejects.toThrow(/4xx/);
  });
});
