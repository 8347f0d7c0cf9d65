import { XMLParser } from "fast-xml-parser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type CdrSummary,
  DETAIL_FIELDS,
  DETAIL_ONLY_TYPE_CODES,
  STATUS_CODES,
  type StoredCall,
  SUMMARY_FIELDS,
  TYPE_CODES,
} from "./cdr-data";
import { dayNumberOf } from "./dates";
import { type RunningKalliopeSimulator, startKalliopeSimulator } from "./simulator";
import { parseCsv, signedFetch, signedHeader } from "./test-support";

const JSON_ACCEPT = "application/json";
/** The PBX clock sits at noon on the last day with data, so "the current month" is March 2024. */
const NOW = Date.parse("2024-03-15T12:00:00Z");

let sim: RunningKalliopeSimulator;

beforeAll(async () => {
  sim = await startKalliopeSimulator({ seed: 7, callsPerDay: 30, days: 92, clockOffsetMs: NOW - Date.now() });
});
afterAll(async () => {
  await sim.close();
});

/** The calls the store holds from one ISO date to another, ended by the PBX's "now", in order. */
function storeCalls(first: string, last: string, domain = "default"): StoredCall[] {
  const out: StoredCall[] = [];
  for (let day = dayNumberOf(first)!; day <= dayNumberOf(last)!; day++) {
    for (const call of sim.cdr.callsForDay(domain, day)) if (call.endUtcMs <= sim.clock.now()) out.push(call);
  }
  return out;
}

const ids = (calls: ReadonlyArray<{ id: string } | StoredCall>) =>
  calls.map((call) => ("summary" in call ? call.summary.id : call.id));

async function getJson(path: string, init: Parameters<typeof signedFetch>[2] = {}): Promise<CdrSummary[]> {
  const response = await signedFetch(sim, path, { accept: JSON_ACCEPT, ...init });
  expect(response.status, `${path}: ${response.status}`).toBe(200);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  return (await response.json()) as CdrSummary[];
}

describe("URL forms (document §2.1)", () => {
  it("/rest/cdr/{format}: the current month on the PBX clock, up to the calls already ended", async () => {
    const calls = await getJson("/rest/cdr/summary");
    const expected = storeCalls("2024-03-01", "2024-03-15");
    expect(expected.length).toBeGreaterThan(300);
    expect(ids(calls)).toEqual(ids(expected));
    // Noon on the 15th: the afternoon's calls have not happened yet.
    expect(calls.every((call) => call.end_time <= "2024-03-15 12:00:00")).toBe(true);
    expect(sim.cdr.callsForDay("default", dayNumberOf("2024-03-15")!).length).toBeGreaterThan(
      calls.filter((call) => call.start_time.startsWith("2024-03-15")).length,
    );
  });

  it("/{years}: a whole year, limited to the days with data", async () => {
    expect(ids(await getJson("/rest/cdr/summary/2024"))).toEqual(ids(storeCalls("2024-01-01", "2024-03-15")));
  });

  it("/{years} range: YYYY-YYYY", async () => {
    const calls = await getJson("/rest/cdr/summary/2023-2024");
    const { first } = sim.dataWindow();
    expect(first).toBe("2023-12-15");
    expect(ids(calls)).toEqual(ids(storeCalls(first, "2024-03-15")));
  });

  it("/{years}/{months}: one month", async () => {
    const calls = await getJson("/rest/cdr/summary/2024/02");
    expect(ids(calls)).toEqual(ids(storeCalls("2024-02-01", "2024-02-29")));
    expect(calls.every((call) => call.start_time.startsWith("2024-02-"))).toBe(true);
  });

  it("/{years}/{months} range: MM-MM", async () => {
    expect(ids(await getJson("/rest/cdr/summary/2024/01-02"))).toEqual(
      ids(storeCalls("2024-01-01", "2024-02-29")),
    );
  });

  it("/{years}/{months}/{days}: one day", async () => {
    const calls = await getJson("/rest/cdr/summary/2024/03/14");
    expect(ids(calls)).toEqual(ids(storeCalls("2024-03-14", "2024-03-14")));
    expect(calls.length).toBe(sim.cdr.countForDay("default", dayNumberOf("2024-03-14")!));
  });

  it("/{years}/{months}/{days} range within a month: DD-DD", async () => {
    expect(ids(await getJson("/rest/cdr/summary/2024/02/10-12"))).toEqual(
      ids(storeCalls("2024-02-10", "2024-02-12")),
    );
  });

  it("the document's example reads as one span from the first date to the last, not a cross product", async () => {
    // /2016/01-02/12-15 is "tra il giorno 12/01/2016 ed il giorno 15/02/2016"; same shape here.
    const calls = await getJson("/rest/cdr/detailed/2024/01-02/12-15");
    expect(ids(calls)).toEqual(ids(storeCalls("2024-01-12", "2024-02-15")));
    expect(calls.some((call) => call.start_time.startsWith("2024-01-20"))).toBe(true);
  });

  it("a span may cross years and run backwards in its parts: 2023-2024/12-01/20-10", async () => {
    expect(ids(await getJson("/rest/cdr/summary/2023-2024/12-01/20-10"))).toEqual(
      ids(storeCalls("2023-12-20", "2024-01-10")),
    );
  });

  it("accepts unpadded months and days", async () => {
    expect(ids(await getJson("/rest/cdr/summary/2024/3/5"))).toEqual(
      ids(await getJson("/rest/cdr/summary/2024/03/05")),
    );
  });

  it("returns an empty list outside the data window", async () => {
    expect(await getJson("/rest/cdr/summary/2019")).toEqual([]);
  });

  for (const [path, status] of [
    ["/rest/cdr/summary/24", 400],
    ["/rest/cdr/summary/2024/13", 400],
    ["/rest/cdr/summary/2024/02/30", 400],
    ["/rest/cdr/summary/2024/03/15-10", 400],
    ["/rest/cdr/summary/2024-2023", 400],
    ["/rest/cdr/summary/2024/03/01/extra", 404],
    ["/rest/cdr/summary/", 404],
    ["/rest/cdr/full", 404],
    ["/rest/cdr/constructor", 404],
    ["/rest/cdr", 404],
  ] as const) {
    it(`answers ${status} to ${path}`, async () => {
      const response = await signedFetch(sim, path, { accept: JSON_ACCEPT });
      expect(response.status).toBe(status);
      expect(((await response.json()) as { code: number }).code).toBe(status);
    });
  }
});

describe("POST filters (document §2.4)", () => {
  let day: StoredCall[] = [];
  beforeAll(() => {
    day = storeCalls("2024-03-14", "2024-03-14");
  });

  it("begin/end in JSON select calls starting in the period, both ends included", async () => {
    const begin = day[5]!.summary.start_time;
    const end = day[12]!.summary.start_time;
    const calls = await getJson("/rest/cdr/summary", {
      body: JSON.stringify({ cdr: { begin, end } }),
      contentType: "application/json",
    });
    const expected = day.filter((call) => call.summary.start_time >= begin && call.summary.start_time <= end);
    expect(ids(calls)).toEqual(ids(expected));
    expect(calls[0]?.start_time).toBe(begin);
    expect(calls[calls.length - 1]?.start_time).toBe(end);
  });

  it("the document's XML body gives the same calls as JSON, and the path's dates are ignored", async () => {
    const xml = `<?xml version="1.0"?>
<kpbx_request>
<cdr>
<begin>2024-03-14 09:00:00</begin>
<end>2024-03-14 12:00:00</end>
</cdr>
</kpbx_request>`;
    const fromXml = await getJson("/rest/cdr/summary/2020/01/01", {
      body: xml,
      contentType: "application/xml",
    });
    const fromJson = await getJson("/rest/cdr/summary", {
      body: JSON.stringify({ cdr: { begin: "2024-03-14 09:00:00", end: "2024-03-14 12:00:00" } }),
      contentType: "application/json",
    });
    expect(fromXml.length).toBeGreaterThan(0);
    expect(fromXml).toEqual(fromJson);
    expect(
      fromXml.every(
        (call) => call.start_time >= "2024-03-14 09:00:00" && call.start_time <= "2024-03-14 12:00:00",
      ),
    ).toBe(true);
  });

  it("begin/end across days", async () => {
    const calls = await getJson("/rest/cdr/summary", {
      body: JSON.stringify({ cdr: { begin: "2024-02-27 18:00:00", end: "2024-03-02 08:00:00" } }),
      contentType: "application/json",
    });
    const expected = storeCalls("2024-02-27", "2024-03-02").filter(
      (call) =>
        call.summary.start_time >= "2024-02-27 18:00:00" && call.summary.start_time <= "2024-03-02 08:00:00",
    );
    expect(ids(calls)).toEqual(ids(expected));
  });

  it("unique_id AND begin/end: found inside the period, not outside", async () => {
    const target = day[7]!.summary;
    const inside = await getJson("/rest/cdr/summary", {
      body: JSON.stringify({
        cdr: { begin: "2024-03-14 00:00:00", end: "2024-03-14 23:59:59", unique_id: target.id },
      }),
      contentType: "application/json",
    });
    expect(inside).toEqual([target]);
    const outside = await getJson("/rest/cdr/summary", {
      body: JSON.stringify({
        cdr: { begin: "2024-03-13 00:00:00", end: "2024-03-13 23:59:59", unique_id: target.id },
      }),
      contentType: "application/json",
    });
    expect(outside).toEqual([]);
  });

  it("unique_id alone searches the current month only", async () => {
    const march = day[3]!.summary;
    const february = storeCalls("2024-02-20", "2024-02-20")[3]!.summary;
    const body = (id: string) => `<kpbx_request><cdr><unique_id>${id}</unique_id></cdr></kpbx_request>`;
    expect(await getJson("/rest/cdr/summary", { body: body(march.id), contentType: "text/xml" })).toEqual([
      march,
    ]);
    expect(await getJson("/rest/cdr/summary", { body: body(february.id), contentType: "text/xml" })).toEqual(
      [],
    );
    expect(await getJson("/rest/cdr/summary", { body: body("123.456"), contentType: "text/xml" })).toEqual(
      [],
    );
  });

  it("an empty body or an empty <cdr> means the current month", async () => {
    const month = ids(storeCalls("2024-03-01", "2024-03-15"));
    expect(ids(await getJson("/rest/cdr/summary", { method: "POST" }))).toEqual(month);
    const empty = "<kpbx_request><cdr></cdr></kpbx_request>";
    expect(ids(await getJson("/rest/cdr/summary", { body: empty, contentType: "application/xml" }))).toEqual(
      month,
    );
  });

  for (const [what, body, contentType, status] of [
    ["a begin in the wrong format", '{"cdr":{"begin":"2024-03-14T09:00:00"}}', "application/json", 400],
    ["an impossible end", '{"cdr":{"end":"2024-02-30 10:00:00"}}', "application/json", 400],
    [
      "end before begin",
      '{"cdr":{"begin":"2024-03-14 10:00:00","end":"2024-03-14 09:00:00"}}',
      "application/json",
      400,
    ],
    ["a filter the API does not have", '{"cdr":{"caller":"201"}}', "application/json", 400],
    ["a body without the cdr wrapper", '{"begin":"2024-03-14 10:00:00"}', "application/json", 400],
    ["malformed JSON", '{"cdr":', "application/json", 400],
    ["malformed XML", "<kpbx_request><cdr><begin>", "application/xml", 400],
    ["the wrong XML root", "<request><cdr/></request>", "application/xml", 400],
    ["a form body", "begin=2024-03-14", "application/x-www-form-urlencoded", 415],
  ] as const) {
    it(`refuses ${what} (${status})`, async () => {
      const response = await signedFetch(sim, "/rest/cdr/summary", {
        body,
        contentType,
        accept: JSON_ACCEPT,
      });
      expect(response.status).toBe(status);
    });
  }
});

describe("outputs (document §2.2–2.3)", () => {
  const xmlParser = new XMLParser({
    parseTagValue: false,
    isArray: (name) => name === "call" || name === "detail",
  });

  it("JSON, XML and CSV give the same summary records", async () => {
    const json = await getJson("/rest/cdr/summary/2024/03/13");
    const xmlResponse = await signedFetch(sim, "/rest/cdr/summary/2024/03/13", { accept: "application/xml" });
    expect(xmlResponse.headers.get("content-type")).toMatch(/^application\/xml/);
    const xmlText = await xmlResponse.text();
    expect(xmlText.startsWith('<?xml version="1.0"?>\n<cdr>\n    <call>\n        <id>')).toBe(true);
    const xmlCalls = (xmlParser.parse(xmlText) as { cdr: { call: Array<Record<string, string>> } }).cdr.call;
    const csvResponse = await signedFetch(sim, "/rest/cdr/summary/2024/03/13", { accept: "text/csv" });
    expect(csvResponse.headers.get("content-type")).toMatch(/^text\/csv/);
    const [header, ...rows] = parseCsv(await csvResponse.text());
    expect(header).toEqual([`#${SUMMARY_FIELDS[0]}`, ...SUMMARY_FIELDS.slice(1)]);

    expect(json.length).toBe(sim.cdr.countForDay("default", dayNumberOf("2024-03-13")!));
    const asText = json.map((call) =>
      Object.fromEntries(SUMMARY_FIELDS.map((field) => [field, String(call[field])])),
    );
    expect(xmlCalls.map((call) => ({ ...call }))).toEqual(asText);
    expect(
      rows.map((row) => Object.fromEntries(SUMMARY_FIELDS.map((field, index) => [field, row[index]]))),
    ).toEqual(asText);
    // JSON types per the document: id a string, seconds as numbers, absent times as "".
    for (const call of json) {
      expect(Object.keys(call)).toEqual([...SUMMARY_FIELDS]);
      expect(typeof call.id).toBe("string");
      expect(typeof call.bill_secs).toBe("number");
      expect(typeof call.duration).toBe("number");
    }
  });

  it("detailed: call-path rows, the same in JSON, XML and CSV", async () => {
    const json = (await getJson("/rest/cdr/detailed/2024/03/13")) as Array<
      CdrSummary & { details: Array<Record<string, string | number>> }
    >;
    const xmlText = await (
      await signedFetch(sim, "/rest/cdr/detailed/2024/03/13", { accept: "text/xml" })
    ).text();
    const xmlCalls = (
      xmlParser.parse(xmlText) as {
        cdr: {
          call: Array<Record<string, string> & { details: "" | { detail: Array<Record<string, string>> } }>;
        };
      }
    ).cdr.call;
    const [header, ...rows] = parseCsv(
      await (await signedFetch(sim, "/rest/cdr/detailed/2024/03/13", { accept: "text/csv" })).text(),
    );
    expect(header?.slice(SUMMARY_FIELDS.length)).toEqual([...DETAIL_FIELDS]);

    expect(json.some((call) => call.details.length >= 3)).toBe(true);
    const flatJson: string[][] = [];
    json.forEach((call, index) => {
      const summary = SUMMARY_FIELDS.map((field) => String(call[field]));
      const xml = xmlCalls[index]!;
      expect(SUMMARY_FIELDS.map((field) => xml[field])).toEqual(summary);
      const xmlDetails = xml.details === "" ? [] : xml.details.detail;
      expect(xmlDetails.map((row) => DETAIL_FIELDS.map((field) => row[field]))).toEqual(
        call.details.map((row) => DETAIL_FIELDS.map((field) => String(row[field]))),
      );
      if (call.details.length === 0) flatJson.push([...summary, ...DETAIL_FIELDS.map(() => "")]);
      for (const row of call.details)
        flatJson.push([...summary, ...DETAIL_FIELDS.map((field) => String(row[field]))]);
    });
    expect(rows).toEqual(flatJson);
  });

  it("detailed rows agree with their call", async () => {
    const json = (await getJson("/rest/cdr/detailed/2024/03/12")) as Array<
      CdrSummary & { details: Array<{ [K in (typeof DETAIL_FIELDS)[number]]: string | number }> }
    >;
    for (const call of json) {
      if (call.details.length === 0) continue;
      const first = call.details[0]!;
      const last = call.details[call.details.length - 1]!;
      expect(call.start_time.slice(11)).toBe(first.detail_enter_datetime);
      expect(call.end_time.slice(11)).toBe(last.detail_exit_datetime);
      const answered = call.details.find((row) => row.detail_answer_datetime !== "");
      expect(call.answer_time === "" ? undefined : call.answer_time.slice(11)).toBe(
        answered?.detail_answer_datetime,
      );
      for (const row of call.details) {
        expect([...TYPE_CODES, ...DETAIL_ONLY_TYPE_CODES]).toContain(row.detail_destination_type);
        expect(row.detail_exit_datetime >= row.detail_enter_datetime).toBe(true);
      }
    }
  });

  it("summary is also what v3_compat returns (its own fields are undocumented)", async () => {
    expect(await getJson("/rest/cdr/v3_compat/2024/03/13")).toEqual(
      await getJson("/rest/cdr/summary/2024/03/13"),
    );
  });

  it("negotiates from Accept: XML by default, JSON for a bare `json`, 406 for nothing known", async () => {
    const none = await fetch(`${sim.baseUrl}/rest/cdr/summary/2024/03/13`, {
      headers: { "x-authenticate": await signedHeader(sim) },
    });
    expect(none.headers.get("content-type")).toMatch(/^application\/xml/);
    const bare = await signedFetch(sim, "/rest/cdr/summary/2024/03/13", { accept: "json" });
    expect(bare.headers.get("content-type")).toMatch(/^application\/json/);
    const weighted = await signedFetch(sim, "/rest/cdr/summary/2024/03/13", {
      accept: "application/json;q=0.5, text/csv",
    });
    expect(weighted.headers.get("content-type")).toMatch(/^text\/csv/);
    const html = await signedFetch(sim, "/rest/cdr/summary/2024/03/13", { accept: "text/html" });
    expect(html.status).toBe(406);
  });

  it("blues_out is text/plain whatever Accept says, one KPBX line per call", async () => {
    const response = await signedFetch(sim, "/rest/cdr/blues_out/2024/03/13", { accept: JSON_ACCEPT });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const lines = (await response.text()).trim().split("\n");
    expect(lines.length).toBe(sim.cdr.countForDay("default", dayNumberOf("2024-03-13")!));
    const summary = await getJson("/rest/cdr/summary/2024/03/13");
    let previous = "";
    lines.forEach((line, index) => {
      const fields = line.split(" ");
      expect(fields[0]).toBe("KPBX");
      expect(fields[1]).toMatch(/^202403\d{8}$/);
      expect(fields[1]! > previous).toBe(true);
      previous = fields[1]!;
      expect(fields[3]).toBe("13/03/2024");
      expect(fields[4]).toBe(summary[index]!.start_time.slice(11));
      expect(Number(fields[5])).toBe(summary[index]!.bill_secs);
    });
  });

  it("the Blues client's POST to /rest/cdr/blues honours the bluesExclude* flags", async () => {
    const body = (local: boolean, inbound: boolean, outbound: boolean) =>
      `<?xml version="1.0"?><kpbx_request><cdr><begin>2024-03-13 00:00:00</begin><end>2024-03-13 23:59:59</end><bluesExcludeLocal>${local}</bluesExcludeLocal><bluesExcludeIn>${inbound}</bluesExcludeIn><bluesExcludeOut>${outbound}</bluesExcludeOut></cdr></kpbx_request>`;
    const directions = async (local: boolean, inbound: boolean, outbound: boolean) => {
      const response = await signedFetch(sim, "/rest/cdr/blues", {
        body: body(local, inbound, outbound),
        contentType: "application/xml",
      });
      expect(response.status).toBe(200);
      return new Set(
        (await response.text())
          .trim()
          .split("\n")
          .map((line) => line.split(" ").at(-1)),
      );
    };
    expect(await directions(false, false, false)).toEqual(new Set(["I", "O", "L"]));
    expect(await directions(true, true, false)).toEqual(new Set(["O"]));
    expect(await directions(false, true, true)).toEqual(new Set(["L"]));
  });
});

describe("privacy masking (notes §1.6)", () => {
  it("masks the last three digits of external numbers for the user without privacy rights", async () => {
    const full = (await getJson("/rest/cdr/detailed/2024/03/11")) as Array<
      CdrSummary & { details: Array<Record<string, string | number>> }
    >;
    const masked = (await getJson("/rest/cdr/detailed/2024/03/11", {
      user: sim.unprivilegedCredentials,
    })) as typeof full;
    expect(ids(masked)).toEqual(ids(full));
    let maskedNumbers = 0;
    full.forEach((call, index) => {
      const other = masked[index]!;
      for (const field of ["caller", "called", "answered_by"] as const) {
        const value = call[field];
        if (/^\+?\d{6,}$/.test(value)) {
          expect(other[field]).toBe(`${value.slice(0, -3)}xxx`);
          maskedNumbers += 1;
        } else {
          expect(other[field]).toBe(value);
        }
      }
      call.details.forEach((row, rowIndex) => {
        const maskedRow = other.details[rowIndex]!;
        const number = String(row.detail_source_num);
        expect(maskedRow.detail_source_num).toBe(
          /^\+?\d{6,}$/.test(number) ? `${number.slice(0, -3)}xxx` : number,
        );
        expect(maskedRow.detail_destination_type).toBe(row.detail_destination_type);
      });
      expect(other.bill_secs).toBe(call.bill_secs);
    });
    expect(maskedNumbers).toBeGreaterThan(10);
    // The privileged user really sees digits where the other sees xxx.
    expect(full.some((call) => /^\d{9,}$/.test(call.caller))).toBe(true);
    expect(JSON.stringify(full)).not.toContain("xxx");
  });

  it("masks CSV and Blues output too", async () => {
    const csv = await (
      await signedFetch(sim, "/rest/cdr/summary/2024/03/11", {
        accept: "text/csv",
        user: sim.unprivilegedCredentials,
      })
    ).text();
    expect(csv).toMatch(/\d{3,}xxx,/);
    const blues = await (
      await signedFetch(sim, "/rest/cdr/blues_out/2024/03/11", { user: sim.unprivilegedCredentials })
    ).text();
    expect(blues).toMatch(/ \d{3,}xxx /);
  });
});

describe("the data (notes §2.6–2.7)", () => {
  it("uses only the documented codes, in a realistic mix", async () => {
    const week = await getJson("/rest/cdr/summary/2024/03/04-10");
    const statuses = new Set(week.map((call) => call.status));
    for (const status of ["OK", "NOANSWER", "BUSY", "CANCELED", "FAILED"]) expect(statuses).toContain(status);
    for (const call of week) {
      expect(STATUS_CODES).toContain(call.status);
      expect(TYPE_CODES).toContain(call.source);
      if (call.destination !== "") expect(TYPE_CODES).toContain(call.destination);
      expect(call.bill_secs).toBeLessThanOrEqual(call.duration);
      if (call.destination === "obl") expect(call.gateway_name).not.toBe("");
      if (call.status === "OK") expect(call.answer_time).not.toBe("");
      else expect(call.answer_time).toBe("");
    }
    const answered = week.filter((call) => call.status === "OK").length / week.length;
    expect(answered).toBeGreaterThan(0.5);
    expect(answered).toBeLessThan(0.9);
    expect(new Set(week.map((call) => call.destination)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(week.map((call) => call.gateway_name)).size).toBeGreaterThanOrEqual(3);
    expect(week.some((call) => /^\d{3}$/.test(call.answered_by))).toBe(true);
    expect(week.some((call) => /^[A-Z]+$/.test(call.account_code))).toBe(true);
  });

  it("keeps each tenant's calls apart", async () => {
    const other = await getJson("/rest/cdr/summary/2024/03/13", {
      user: { username: "privacyadmin", password: "privacyadmin", domain: "sampledomain" },
    });
    const own = await getJson("/rest/cdr/summary/2024/03/13");
    expect(other.length).toBeGreaterThan(0);
    expect(ids(other)).not.toEqual(ids(own));
    expect(ids(other)).toEqual(ids(storeCalls("2024-03-13", "2024-03-13", "sampledomain")));
  });
});
