import { describe, expect, it } from "vitest";
import { parseCdr, parseCdrCsv, parseCdrJson, parseCdrXml } from "./cdr-parse";

/** The document's §2.3 samples (the "..." are the document's own placeholders, kept as values). */
const DOC_JSON = `[{"id":"1463997154.0","source":"local_exten","start_time":"2016-01-12 11:52:34","answer_time":"","end_time":"2016-01-12 11:52:34","account_code":"206","caller":"...","gateway_name":"","called":"050...","status":"FAILED","answered_by":"","bill_secs":0,"duration":0,"destination":""}]`;
const DOC_XML = `<?xml version="1.0"?>
<cdr>
    <call>
        <id>1463997154.0</id>
        <source>local_exten</source>
        <start_time>2016-01-12 11:52:34</start_time>
        <answer_time></answer_time>
        <end_time>2016-01-12 11:52:34</end_time>
        <account_code>206</account_code>
        <caller>...</caller>
        <gateway_name></gateway_name>
        <called>050...</called>
        <status>FAILED</status>
        <answered_by></answered_by>
        <bill_secs>0</bill_secs>
        <duration>0</duration>
        <destination></destination>
    </call>
</cdr>`;
const DOC_CSV = `#id,source,start_time,answer_time,end_time,account_code,caller,gateway_name,called,status,answered_by,bill_secs,duration,destination
1463997154.0,local_exten,2016-01-12 11:52:34,,2016-01-12 11:52:34,206,...,,050...,FAILED,,0,0,
`;

const EXPECTED = {
  id: "1463997154.0",
  source: "local_exten",
  destination: "",
  startTime: "2016-01-12 11:52:34",
  answerTime: "",
  endTime: "2016-01-12 11:52:34",
  accountCode: "206",
  caller: "...",
  called: "050...",
  gateway: "",
  status: "FAILED",
  answeredBy: "",
  billSeconds: 0,
  durationSeconds: 0,
  path: [],
};

describe("Kalliope CDR parsers on the document's samples", () => {
  it("reads the JSON, XML and CSV samples into the same call", () => {
    expect(parseCdrJson(DOC_JSON)).toEqual([EXPECTED]);
    expect(parseCdrXml(DOC_XML)).toEqual([EXPECTED]);
    expect(parseCdrCsv(DOC_CSV)).toEqual([EXPECTED]);
  });

  it("chooses the parser by Content-Type or, mislabelled, by the first character", () => {
    expect(parseCdr(DOC_CSV, "text/csv; charset=UTF-8")).toEqual([EXPECTED]);
    expect(parseCdr(DOC_XML, "text/plain")).toEqual([EXPECTED]);
    expect(parseCdr(DOC_JSON, undefined)).toEqual([EXPECTED]);
    expect(() => parseCdr("hello", "text/plain")).toThrow(/not valid/);
  });

  it("keeps unknown codes raw and groups detailed CSV rows into one call's path", () => {
    const csv = `#id,status,caller,bill_secs,duration,detail_destination_type,detail_exit_cause,detail_waiting_time
"1.1",WEIRD,"a ""quoted"", caller",5,7,ivr,,0
"1.1",WEIRD,"a ""quoted"", caller",5,7,queue,NEWCAUSE,12
2.1,OK,201,1,1,,,
`;
    const calls = parseCdrCsv(csv);
    expect(calls).toHaveLength(2);
    expect(calls[0]?.status).toBe("WEIRD");
    expect(calls[0]?.caller).toBe('a "quoted", caller');
    expect(calls[0]?.path.map((s) => [s.destinationType, s.exitCause, s.waitingSeconds])).toEqual([
      ["ivr", "", 0],
      ["queue", "NEWCAUSE", 12],
    ]);
    expect(calls[1]?.path).toEqual([]);
  });

  it("unescapes XML entities and reads the detailed <details> rows", () => {
    const xml = `<cdr><call><id>9.0</id><caller>A &amp; B &#x41;</caller><details><detail><detail_destination_type>voicemail</detail_destination_type><detail_answered_by>200</detail_answered_by></detail></details></call></cdr>`;
    const [call] = parseCdrXml(xml);
    expect(call?.caller).toBe("A & B A");
    expect(call?.path[0]?.destinationType).toBe("voicemail");
    expect(call?.path[0]?.answeredBy).toBe("200");
  });

  it("reads detailed JSON and XML laid out like the CSV export, one record per path step", () => {
    const step = (id: string, type: string, cause: string) => ({
      id,
      status: "OK",
      caller: "201",
      bill_secs: 3,
      duration: 9,
      detail_destination_type: type,
      detail_exit_cause: cause,
    });
    const records = [step("1.1", "ivr", ""), step("1.1", "queue", "NCC"), step("2.1", "", "")];
    const fromJson = parseCdrJson(JSON.stringify(records));
    const fromXml = parseCdrXml(
      `<cdr>${records
        .map(
          (r) =>
            `<call>${Object.entries(r)
              .map(([k, v]) => `<${k}>${v}</${k}>`)
              .join("")}</call>`,
        )
        .join("")}</cdr>`,
    );
    for (const calls of [fromJson, fromXml]) {
      expect(calls.map((c) => c.id)).toEqual(["1.1", "2.1"]);
      expect(calls[0]?.path.map((s) => [s.destinationType, s.exitCause])).toEqual([
        ["ivr", ""],
        ["queue", "NCC"],
      ]);
      expect(calls[0]?.durationSeconds).toBe(9);
      expect(calls[1]?.path).toEqual([]);
    }
  });

  it("refuses a non-array JSON and an XML without <cdr>", () => {
    expect(() => parseCdrJson('{"code":401}')).toThrow(/not an array/);
    expect(() => parseCdrXml("<result><code>401</code></result>")).toThrow(/no <cdr> root/);
  });
});
