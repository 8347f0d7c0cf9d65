import { createServer, type Server, type Socket } from "node:net";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { CallSchema } from "@/lib/api/kalliope";
import { ListTicketsQuery, TicketDetailSchema, TicketPageSchema } from "@/lib/api/kayako";
import { ListMailUsersQuery, MailDomainSchema, MailUserPageSchema } from "@/lib/api/kerio-connect";
import { AddressGroupListSchema, TimeRangeSchema } from "@/lib/api/kerio-control";
import { ExtensionPageSchema, ListExtensionsQuery } from "@/lib/api/kerio-extensions";
import {
  AccountSchema,
  HotspotProfileSchema,
  LoginHistoryQuery,
  NasSchema,
  SessionPageSchema,
  TableReadSchema,
} from "@/lib/api/kiwire";
import { ApiError } from "@/lib/server/errors/api-error";
import { HttpClient, type HttpRequest, type HttpResponse } from "@/lib/server/http/client";
import { parseCdr } from "./kalliope/cdr-parse";
import { fetchSalt } from "./kalliope/session";
import { KayakoClient } from "./kayako/client";
import { type Lookups, lookupsFor } from "./kayako/lookups";
import { KayakoTickets } from "./kayako/tickets";
import { parseKayakoXml } from "./kayako/xml";
import { ConnectUsers } from "./kerio/connect-users";
import { ControlAddressGroups } from "./kerio/control-address-groups";
import { OperatorExtensions } from "./kerio/operator-extensions";
import { callFault, fillPlaceholders, itemFaults, KerioRpcClient } from "./kerio/rpc";
import { cookieHeader, kerioLogin } from "./kerio/session";
import { KiwireClient } from "./kiwire/client";
import { KiwireHotspot } from "./kiwire/hotspot";
import { kiwireLogin } from "./kiwire/session";

/**
 * Every function that turns a vendor's answer into data, fed random and hostile answers: random text,
 * random JSON, the right envelope with wrong types inside, hostile keys (`__proto__`, `toString`), numbers
 * JSON cannot hold, deep nesting, and valid samples cut short or garbled. Each run must end, quickly, in
 * data that matches the BFF's response schema or in a typed error the route turns into a 4xx/502/504 —
 * never another exception (a 500), never a hang.
 */

/** One run of one parser; generous for a loaded CI machine, far below what a runaway regex would take. */
const RUN_BUDGET_MS = 1_500;
const RUNS = { pure: 300, async: 120 } as const;
const SEED = Number(process.env.FUZZ_SEED ?? 20261124);

function isTypedFailure(error: unknown): boolean {
  return error instanceof ApiError && error.status >= 400 && error.status !== 500;
}

/** Runs one parser call: a schema-valid result or a typed failure, within the budget. */
async function settles(run: () => unknown, schema?: z.ZodType): Promise<void> {
  const started = performance.now();
  try {
    const value = await run();
    if (schema) {
      const parsed = schema.safeParse(value);
      if (!parsed.success) throw new Error(`not a valid DTO: ${z.prettifyError(parsed.error)}`);
    }
  } catch (error) {
    if (!isTypedFailure(error)) throw error;
  }
  expect(performance.now() - started).toBeLessThan(RUN_BUDGET_MS);
}

const check = (property: fc.IRawProperty<[unknown]> | fc.IAsyncProperty<[unknown]>, async: boolean) =>
  fc.assert(property, { numRuns: async ? RUNS.async : RUNS.pure, seed: SEED });

// ---- Hostile inputs -----------------------------------------------------------------------------------

const HOSTILE_KEYS = ["__proto__", "constructor", "toString", "valueOf", "hasOwnProperty", "length", "0"];

/** JSON number literals JSON.stringify cannot write: Infinity once parsed, or beyond double precision. */
const RAW_NUMBERS = ["1e400", "-1e400", "123456789012345678901234567890", "-0", "1e-400", "9007199254740993"];

const scalar = fc.oneof(
  fc.constantFrom<unknown>(null, true, false, 0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2),
  fc.constantFrom<unknown>("", "0", "-1", "NaN", "1e400", " ", "0000-00-00 00:00:00", "%1 %2 %99", "true"),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.double(),
);

/**
 * JSON values whose objects use the vendor's field names, hostile keys and random ones. They go through
 * JSON text and back, as a vendor's answer does: `__proto__` becomes an own key, never a prototype.
 */
function valueWith(fields: readonly string[]): fc.Arbitrary<unknown> {
  const key = fc.oneof(
    fc.constantFrom(...fields),
    fc.constantFrom(...HOSTILE_KEYS),
    fc.string({ maxLength: 8 }),
  );
  return fc
    .letrec<{ value: unknown }>((tie) => ({
      value: fc.oneof(
        { depthSize: "small", maxDepth: 4 },
        scalar,
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(key, tie("value"), { maxKeys: 8 }),
      ),
    }))
    .value.map((value) => JSON.parse(JSON.stringify(value) ?? "null") as unknown);
}

/** Rows with most of the vendor's fields, each of a random type: "the right shape, wrong types inside". */
function rowsWith(fields: readonly string[]): fc.Arbitrary<unknown[]> {
  const anyValue = valueWith(fields);
  const row = fc.record(Object.fromEntries(fields.map((field) => [field, anyValue])), { requiredKeys: [] });
  return fc.array(row, { maxLength: 6 });
}

/** JSON text with raw literals swapped in for some values (what JSON.stringify cannot produce). */
const withRawNumbers = (json: string) =>
  fc
    .constantFrom(...RAW_NUMBERS)
    .map((raw) => json.replace(/(:\s*)(-?\d+(?:\.\d+)?(?:e[+-]?\d+)?|null|true|false)/i, `$1${raw}`));

/** A valid answer cut at a random place, or with a slice replaced by noise. */
function garbled(sample: string): fc.Arbitrary<string> {
  return fc.oneof(
    fc.nat({ max: sample.length }).map((end) => sample.slice(0, end)),
    fc
      .tuple(fc.nat({ max: sample.length }), fc.nat({ max: 12 }), fc.string({ unit: "binary", maxLength: 6 }))
      .map(([at, cut, noise]) => sample.slice(0, at) + noise + sample.slice(at + cut)),
  );
}

/** Nesting far deeper than any vendor answer. */
const deepJson = (wrap: (inner: string) => string) =>
  fc.integer({ min: 2_000, max: 50_000 }).map((depth) => wrap(`${"[".repeat(depth)}${"]".repeat(depth)}`));

/** Every kind of hostile JSON answer for one envelope. */
function jsonAnswers(sample: string, envelope: (inner: unknown) => unknown, fields: readonly string[]) {
  const shaped = rowsWith(fields).map((rows) => JSON.stringify(envelope(rows)));
  return fc.oneof(
    fc.string({ unit: "binary", maxLength: 200 }),
    fc.json({ maxDepth: 4 }),
    valueWith(fields).map((value) => JSON.stringify(envelope(value)) ?? "null"),
    shaped,
    shaped.chain(withRawNumbers),
    garbled(sample),
  );
}

/** Each envelope holding nesting far deeper than any vendor answer (kept apart: its counterexamples are huge). */
function deepAnswers(envelopes: ReadonlyArray<(inner: unknown) => unknown>) {
  return fc.oneof(
    ...envelopes.map((envelope) => deepJson((inner) => JSON.stringify(envelope("§")).replace('"§"', inner))),
  );
}

// ---- Fake transports ----------------------------------------------------------------------------------

function response(body: string, status = 200, headers: Record<string, string> = {}): HttpResponse {
  const buffer = Buffer.from(body);
  return {
    status,
    headers,
    body: buffer,
    text: () => buffer.toString("utf8"),
    header: (name) => headers[name.toLowerCase()],
    serverDate: () => null,
  };
}

/** An HttpClient that answers from a function: the vendor clients under test never know. */
function fakeHttp(answer: (request: HttpRequest) => HttpResponse): HttpClient {
  return { request: async (request: HttpRequest) => answer(request) } as unknown as HttpClient;
}

let sessions = 0;

// ---- Kerio --------------------------------------------------------------------------------------------

const KERIO_FIELDS = [
  "result",
  "error",
  "code",
  "message",
  "data",
  "messageParameters",
  "positionalParameters",
  "errors",
  "inputIndex",
  "sipExtensionList",
  "totalItems",
  "list",
  "groups",
  "guid",
  "telNum",
  "description",
  "lineType",
  "sipUsername",
  "parentId",
  "userGuid",
  "USERNAME",
  "FULL_NAME",
  "callPermission",
  "sipStatus",
  "registered",
  "id",
  "name",
  "loginName",
  "fullName",
  "isEnabled",
  "consumedSize",
  "groupId",
  "groupName",
  "type",
  "host",
  "addr1",
  "addr2",
  "enabled",
  "status",
  "days",
  "fromTime",
  "toTime",
  "fromDay",
  "toDay",
];
const KERIO_SAMPLE = JSON.stringify({
  jsonrpc: "2.0",
  id: 2,
  result: {
    sipExtensionList: [
      {
        guid: 7,
        telNum: "1001",
        description: "Desk",
        lineType: 0,
        sipUsername: "1001",
        sipStatus: { registered: 1 },
      },
    ],
    list: [{ id: "1", groupId: "10", groupName: "Office", type: "Host", host: "192.0.2.1", enabled: true }],
    groups: [{ id: "10", name: "Office" }],
    totalItems: 1,
  },
});
const KERIO_ENVELOPES = [
  (inner: unknown) => ({ jsonrpc: "2.0", id: 2, result: inner }),
  (inner: unknown) => ({
    jsonrpc: "2.0",
    id: 2,
    result: { sipExtensionList: inner, list: inner, groups: inner },
  }),
  (inner: unknown) => ({ jsonrpc: "2.0", id: 2, error: inner }),
];
const kerioAnswers = fc.oneof(
  ...KERIO_ENVELOPES.map((envelope) => jsonAnswers(KERIO_SAMPLE, envelope, KERIO_FIELDS)),
);

/** A Kerio appliance that logs in fine and answers every other call with `body`. */
function kerioRpc(body: string): KerioRpcClient {
  const http = fakeHttp((request) => {
    const method = /"method":"([^"]+)"/.exec(String(request.body))?.[1];
    if (method === "Session.login") {
      return response(JSON.stringify({ jsonrpc: "2.0", id: 1, result: { token: "t" } }), 200, {
        "set-cookie": "SESSION=s",
      });
    }
    return response(body);
  });
  return new KerioRpcClient({
    http,
    credentials: { username: "a", password: "b" },
    sessionKey: `fuzz-${++sessions}`,
  });
}

// Keys such as toString and valueOf go in too: a parameter {"toString":1} once made String() throw (a 500).
const errorChannelValues = valueWith(KERIO_FIELDS);

describe("Kerio parsers", () => {
  it("error channels and placeholders take any JSON value", async () => {
    await check(
      fc.asyncProperty(errorChannelValues, async (value) => {
        await settles(() => [callFault(value), itemFaults(value), itemFaults({ errors: value })]);
        await settles(() =>
          fillPlaceholders(String(JSON.stringify(value)), Array.isArray(value) ? value : [value]),
        );
      }),
      false,
    );
  });

  it("the session cookie jar takes any Set-Cookie lines", async () => {
    await check(
      fc.asyncProperty(
        fc.oneof(fc.string({ unit: "binary" }), fc.array(fc.string({ unit: "binary" }), { maxLength: 5 })),
        async (lines) => settles(() => cookieHeader(lines), z.string()),
      ),
      false,
    );
  });

  it("Session.login answers end in a session or a typed error", async () => {
    await check(
      fc.asyncProperty(kerioAnswers, async (body) =>
        settles(
          () =>
            kerioLogin(
              fakeHttp(() => response(body)),
              { username: "a", password: "b" },
            ),
          z.object({ token: z.string().min(1), cookie: z.string() }),
        ),
      ),
      true,
    );
  });

  it("Operator extensions, Connect domains and users, Control groups and time ranges map any answer", async () => {
    await check(fc.asyncProperty(kerioAnswers, kerioProducts), true);
  });

  it("nesting thousands of levels deep is refused or ignored, not a crash", async () => {
    await fc.assert(fc.asyncProperty(deepAnswers(KERIO_ENVELOPES), kerioProducts), {
      numRuns: 8,
      seed: SEED,
    });
  });
});

async function kerioProducts(body: string): Promise<void> {
  await settles(
    () => new OperatorExtensions(kerioRpc(body)).list(ListExtensionsQuery.parse({})),
    ExtensionPageSchema,
  );
  await settles(() => new ConnectUsers(kerioRpc(body)).domains(), z.array(MailDomainSchema));
  await settles(
    () => new ConnectUsers(kerioRpc(body)).list(ListMailUsersQuery.parse({ domainId: "d" })),
    MailUserPageSchema,
  );
  await settles(() => new ControlAddressGroups(kerioRpc(body)).list(), AddressGroupListSchema);
  await settles(() => new ControlAddressGroups(kerioRpc(body)).timeRanges(), z.array(TimeRangeSchema));
}

// ---- Kiwire -------------------------------------------------------------------------------------------

const KIWIRE_FIELDS = [
  "status",
  "token",
  "error",
  "message",
  "is_success",
  "ret_data",
  "return_data",
  "username",
  "fullname",
  "email",
  "phone",
  "plan",
  "profile",
  "price",
  "tag",
  "bulk_id",
  "who",
  "remark",
  "createdate",
  "actdate",
  "expiry",
  "mac",
  "allownas",
  "profile-name",
  "name",
  "groupname",
  "type",
  "minute",
  "idle",
  "simultaneous",
  "bwdown",
  "bwup",
  "id",
  "nasname",
  "shortname",
  "zone",
  "radacctid",
  "acctstarttime",
  "acctstoptime",
  "acctsessiontime",
  "acctinputoctets",
  "acctoutputoctets",
  "calledstationid",
  "callingstationid",
  "framedipaddress",
];
const KIWIRE_SAMPLE = JSON.stringify({
  is_success: true,
  ret_data: [
    { username: "guest1", fullname: "Guest", plan: "1h", status: "act", createdate: "2026-01-01 10:00:00" },
  ],
});
const KIWIRE_ENVELOPES = [
  (inner: unknown) => ({ is_success: true, ret_data: inner }),
  (inner: unknown) => ({ is_success: "true", return_data: inner }),
  (inner: unknown) => ({ is_success: false, error: inner }),
];
const kiwireAnswers = fc.oneof(
  ...KIWIRE_ENVELOPES.map((envelope) => jsonAnswers(KIWIRE_SAMPLE, envelope, KIWIRE_FIELDS)),
);
const KIWIRE_SETTINGS = {
  username: "a",
  password: "b",
  apiKey: "k",
  cloudId: "c",
  timeZone: "UTC",
  timeFormat: "YmdHis",
  signing: "md5",
} as const;

function kiwireHotspot(body: string): KiwireHotspot {
  const http = fakeHttp((request) =>
    request.path.includes("api_login")
      ? response(JSON.stringify({ status: "success", token: "t" }))
      : response(body),
  );
  return new KiwireHotspot(new KiwireClient(http, KIWIRE_SETTINGS, `fuzz-${++sessions}`));
}

describe("Kiwire parsers", () => {
  it("the login answer ends in a token or a typed error", async () => {
    await check(
      fc.asyncProperty(
        jsonAnswers(
          JSON.stringify({ status: "success", token: "t" }),
          (inner) => ({ status: "success", token: inner }),
          KIWIRE_FIELDS,
        ),
        async (body) =>
          settles(
            () =>
              kiwireLogin(
                fakeHttp(() => response(body)),
                KIWIRE_SETTINGS,
              ),
            z.object({ token: z.string() }),
          ),
      ),
      true,
    );
  });

  it("profiles, NAS, users and login history map any envelope and ret_data", async () => {
    await check(fc.asyncProperty(kiwireAnswers, kiwireReads), true);
  });

  it("nesting thousands of levels deep is refused or ignored, not a crash", async () => {
    await fc.assert(fc.asyncProperty(deepAnswers(KIWIRE_ENVELOPES), kiwireReads), { numRuns: 8, seed: SEED });
  });
});

async function kiwireReads(body: string): Promise<void> {
  await settles(() => kiwireHotspot(body).listProfiles(), z.array(HotspotProfileSchema));
  await settles(() => kiwireHotspot(body).listNas(), z.array(NasSchema));
  // The user and voucher lists read the console's index; what fills it is this scan of Kiwire's table.
  await settles(
    () => kiwireHotspot(body).scan("user"),
    z.object({ accounts: z.array(AccountSchema), read: TableReadSchema.omit({ asOf: true }) }),
  );
  await settles(() => kiwireHotspot(body).loginHistory(LoginHistoryQuery.parse({})), SessionPageSchema);
}

// ---- KalliopePBX --------------------------------------------------------------------------------------

const CDR_FIELDS = [
  "id",
  "source",
  "destination",
  "start_time",
  "answer_time",
  "end_time",
  "caller",
  "called",
  "status",
  "bill_secs",
  "duration",
  "details",
  "detail_destination_type",
  "detail_source_num",
  "detail_waiting_time",
  "detail_enter_datetime",
  "detail_exit_cause",
];
const CDR_JSON = JSON.stringify([
  {
    id: "1700000000.1",
    caller: "1001",
    called: "1002",
    status: "OK",
    bill_secs: 30,
    duration: 35,
    details: [{ detail_destination_type: "extension", detail_waiting_time: 5 }],
  },
]);
/** `detailed` laid out like the CSV export: one record per path step (simulator switch `detailedLayout`). */
const CDR_JSON_ROWS = JSON.stringify(
  ["extension", "queue"].map((type) => ({
    id: "1700000000.1",
    caller: "1001",
    status: "OK",
    bill_secs: 30,
    detail_destination_type: type,
    detail_waiting_time: 5,
  })),
);
const CDR_XML_ROWS =
  '<?xml version="1.0"?><cdr><call><id>1700000000.1</id><detail_destination_type>ivr</detail_destination_type></call>' +
  "<call><id>1700000000.1</id><detail_destination_type>queue</detail_destination_type></call></cdr>";
const CDR_CSV =
  "#id,caller,called,status,bill_secs,duration,detail_destination_type,detail_waiting_time\n" +
  '1700000000.1,1001,1002,OK,30,35,extension,5\n1700000000.1,1001,1002,OK,30,35,"queue, ""main""",12\n';
const CDR_XML =
  '<?xml version="1.0"?><cdr><call><id>1700000000.1</id><caller>1001</caller><bill_secs>30</bill_secs>' +
  "<details><detail><detail_destination_type>extension</detail_destination_type>" +
  "<detail_waiting_time>5</detail_waiting_time></detail></details></call></cdr>";

/** XML text with hostile character references and values. */
const xmlValue = fc.oneof(
  fc.string({ maxLength: 12 }).map((text) => text.replace(/[<&]/g, "")),
  fc.constantFrom(
    "&#99999999;",
    "&#x110000;",
    "&#xD800;",
    "&#0;",
    "&amp;&lt;",
    "&bogus;",
    "1e400",
    "-5",
    "99999999999999999999",
  ),
);
const cdrXml = fc
  .array(fc.tuple(fc.constantFrom(...CDR_FIELDS), xmlValue), { maxLength: 8 })
  .map(
    (fields) =>
      `<cdr><call>${fields.map(([name, value]) => `<${name}>${value}</${name}>`).join("")}</call></cdr>`,
  );
const cdrCsv = fc
  .tuple(
    fc.shuffledSubarray(CDR_FIELDS, { minLength: 1 }),
    fc.array(fc.array(fc.oneof(xmlValue, fc.string({ maxLength: 6 })), { maxLength: 8 }), { maxLength: 5 }),
  )
  .map(([columns, rows]) => [`#${columns.join(",")}`, ...rows.map((row) => row.join(","))].join("\n"));

/** What the parser returns: the API's call without the time-zone offset, which is added after parsing. */
const PARSED_CALL = CallSchema.omit({ utcOffset: true });

describe("KalliopePBX parsers", () => {
  it("call records in JSON, CSV or XML, labelled right or wrong, parse to calls or a typed error", async () => {
    const body = fc.oneof(
      jsonAnswers(CDR_JSON, (inner) => [inner], CDR_FIELDS),
      jsonAnswers(CDR_JSON, (inner) => inner, CDR_FIELDS),
      garbled(CDR_CSV),
      garbled(CDR_XML),
      jsonAnswers(CDR_JSON_ROWS, (inner) => inner, CDR_FIELDS),
      garbled(CDR_XML_ROWS),
      cdrXml,
      cdrCsv,
      fc.constantFrom(`<cdr>${"<call>".repeat(5_000)}`, `#id${",x".repeat(20_000)}\n1`, '"'.repeat(50_000)),
      deepAnswers([(inner) => [inner], (inner) => [{ id: "1", details: inner }]]),
    );
    const contentType = fc.constantFrom(
      undefined,
      "application/json",
      "text/csv",
      "application/xml",
      "text/html",
      "",
    );
    await check(
      fc.asyncProperty(fc.tuple(body, contentType), async ([text, type]) =>
        settles(() => parseCdr(text, type), z.array(PARSED_CALL)),
      ),
      false,
    );
  });

  it("the salt answer ends in a salt or a typed error", async () => {
    const body = fc.oneof(
      jsonAnswers('{"salt":"abc"}', (inner) => ({ salt: inner }), ["salt"]),
      garbled("<response><salt>abc</salt></response>"),
    );
    await check(
      fc.asyncProperty(body, async (text) =>
        settles(
          () =>
            fetchSalt(
              fakeHttp(() => response(text)),
              "default",
            ),
          z.string().min(1),
        ),
      ),
      true,
    );
  });
});

// ---- Kayako -------------------------------------------------------------------------------------------

const KAYAKO_TAGS = [
  "tickets",
  "ticket",
  "displayid",
  "subject",
  "statusid",
  "priorityid",
  "departmentid",
  "ownerstaffid",
  "ownerstaffname",
  "typeid",
  "userid",
  "fullname",
  "email",
  "replies",
  "creationtime",
  "lastactivity",
  "posts",
  "post",
  "id",
  "staffid",
  "isprivate",
  "ishtml",
  "contents",
  "dateline",
  "totalcount",
  "departments",
  "department",
  "title",
  "app",
  "markasresolved",
];

/** Random Kayako-like XML trees: known tags, hostile values, attributes, entities. */
const kayakoXml = fc
  .letrec<{ node: string }>((tie) => ({
    node: fc.oneof(
      { depthSize: "small", maxDepth: 5 },
      xmlValue,
      fc
        .tuple(
          fc.constantFrom(...KAYAKO_TAGS, ...HOSTILE_KEYS.filter((key) => /^[a-z_]/i.test(key))),
          fc.option(xmlValue, { nil: undefined }),
          fc.array(tie("node"), { maxLength: 4 }),
        )
        .map(
          ([tag, id, children]) =>
            `<${tag}${id === undefined ? "" : ` id="${id.replace(/"/g, "")}"`}>${children.join("")}</${tag}>`,
        ),
    ),
  }))
  .node.map((tree) => `<?xml version="1.0" encoding="UTF-8"?><tickets>${tree}</tickets>`);

/** Tickets as Kayako lays them out, every leaf a hostile value: where the mappers look first. */
const kayakoTickets = fc
  .array(
    fc.tuple(
      fc.option(xmlValue, { nil: undefined }),
      fc.array(fc.tuple(fc.constantFrom(...KAYAKO_TAGS), xmlValue), { maxLength: 12 }),
      fc.array(fc.array(fc.tuple(fc.constantFrom(...KAYAKO_TAGS), xmlValue), { maxLength: 6 }), {
        maxLength: 3,
      }),
    ),
    { maxLength: 3 },
  )
  .map((tickets) => {
    const leaves = (fields: [string, string][]) =>
      fields.map(([tag, value]) => `<${tag}>${value}</${tag}>`).join("");
    const body = tickets
      .map(([id, fields, posts]) => {
        const attribute = id === undefined ? "" : ` id="${id.replace(/"/g, "")}"`;
        const postXml = posts.map((post) => `<post>${leaves(post)}</post>`).join("");
        return `<ticket${attribute}>${leaves(fields)}<posts>${postXml}</posts></ticket>`;
      })
      .join("");
    return `<?xml version="1.0" encoding="UTF-8"?><tickets>${body}<totalcount>${tickets.length}</totalcount></tickets>`;
  });

const TICKET_SAMPLE =
  '<?xml version="1.0" encoding="UTF-8"?><tickets><ticket id="1" flagtype="0"><displayid>ABC-123-45678</displayid>' +
  "<departmentid>1</departmentid><statusid>1</statusid><priorityid>1</priorityid><typeid>1</typeid><userid>1</userid>" +
  "<subject><![CDATA[Printer]]></subject><creationtime>1700000000</creationtime><lastactivity>1700000100</lastactivity>" +
  "<posts><post><id>1</id><contents><![CDATA[Hello]]></contents><dateline>1700000000</dateline></post></posts>" +
  "</ticket></tickets>";

const kayakoAnswers = fc.oneof(
  kayakoXml,
  kayakoTickets,
  garbled(TICKET_SAMPLE),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.constantFrom(
    `<?xml version="1.0"?>${"<a>".repeat(20_000)}`,
    '<?xml version="1.0"?><!DOCTYPE t [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><tickets>&b;</tickets>',
    "Notice: Undefined index in /var/www/api.php on line 12\n<?xml version='1.0'?><tickets></tickets>",
  ),
);

const LOOKUPS: Lookups = {
  departments: [{ id: 1, title: "Support" }],
  statuses: [{ id: 1, title: "Open", resolved: false, departmentId: 0 }],
  priorities: [{ id: 1, title: "Normal" }],
  types: [{ id: 1, title: "Issue" }],
  staff: [{ id: 1, title: "Ann", enabled: true }],
};

describe("Kayako parsers", () => {
  it("any answer parses to an XML tree or a typed error", async () => {
    await check(
      fc.asyncProperty(kayakoAnswers, async (body) => settles(() => parseKayakoXml(body, "the ticket list"))),
      false,
    );
  });

  it("ticket lists, tickets and lookups map any XML", async () => {
    await check(
      fc.asyncProperty(kayakoAnswers, async (body) => {
        const client = new KayakoClient(
          fakeHttp(() => response(body)),
          { apiKey: "k", secretKey: "s" },
        );
        const tickets = new KayakoTickets(client, async () => LOOKUPS);
        await settles(() => tickets.list(ListTicketsQuery.parse({})), TicketPageSchema);
        await settles(() => tickets.get("1"), TicketDetailSchema);
        await settles(() => lookupsFor(client, `fuzz-${++sessions}`));
      }),
      true,
    );
  });
});

// ---- HTTP body decoding -------------------------------------------------------------------------------

describe("HTTP answers off the wire", () => {
  let server: Server;
  let port = 0;
  let next = Buffer.alloc(0);
  const sockets = new Set<Socket>();

  beforeAll(async () => {
    // Writes whatever the current run chose, then closes: status lines, headers and bodies of any shape.
    server = createServer((socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
      socket.once("data", () => socket.end(next));
      socket.on("error", () => undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as { port: number }).port;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => server.close(resolve));
  });

  const header = fc.oneof(
    fc.constantFrom(
      "Content-Length: 99999999999999999999",
      "Content-Length: -1",
      "Content-Length: abc",
      "Content-Length: 5",
      "Transfer-Encoding: chunked",
      "Date: not a date",
      "Set-Cookie: ;;;=",
      "Content-Type: text/html; charset=bogus",
    ),
    fc.string({ unit: "binary-ascii", maxLength: 30 }),
  );
  const raw = fc.oneof(
    fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes)),
    fc
      .tuple(
        fc.constantFrom(
          "HTTP/1.1 200 OK",
          "HTTP/1.1 500 Oops",
          "HTTP/1.0 204",
          "HTTP/9.9 999 X",
          "HTTP/1.1 200",
        ),
        fc.array(header, { maxLength: 4 }),
        fc.oneof(
          fc.string({ unit: "binary", maxLength: 100 }),
          fc.constantFrom("0\r\n\r\n", "zz\r\nabc\r\n"),
        ),
      )
      .map(([status, headers, body]) =>
        Buffer.from(`${status}\r\n${headers.join("\r\n")}\r\n\r\n${body}`, "latin1"),
      ),
  );

  it("any bytes on the socket end in a response or a typed error, within the read timeout", async () => {
    const client = new HttpClient({
      baseUrl: `http://127.0.0.1:${port}`,
      tls: { mode: "verify" },
      connectTimeoutMs: 500,
      readTimeoutMs: 300,
      retries: 0,
      maxResponseBytes: 64 * 1024,
      vendor: "Fuzz",
    });
    try {
      await fc.assert(
        fc.asyncProperty(raw, async (bytes) => {
          next = bytes;
          await settles(async () => {
            const answer = await client.request({ method: "GET", path: "/" });
            return {
              text: answer.text(),
              date: answer.serverDate(),
              type: answer.header("content-type") ?? "",
            };
          });
        }),
        { numRuns: 60, seed: SEED },
      );
    } finally {
      await client.close();
    }
  });
});

// ---- What fuzzing found, pinned ------------------------------------------------------------------------

describe("regressions found by fuzzing", () => {
  it("KalliopePBX: a field holding an object is empty, not a TypeError; a character reference beyond Unicode is U+FFFD", () => {
    const [call] = parseCdr(
      '[{"id":{"toString":1},"caller":["1001"],"details":[{"detail_source_num":{}}]}]',
      "application/json",
    );
    expect(call).toMatchObject({ id: "", caller: "" });
    expect(call?.path[0]?.sourceNum).toBe("");
    const [xml] = parseCdr(
      "<cdr><call><id>1</id><caller>&#99999999;</caller></call></cdr>",
      "application/xml",
    );
    expect(xml?.caller).toBe("\uFFFD");
  });

  it("Kerio: rows without their id or a list that is not a list are a typed error; other wrong types read as missing", async () => {
    const answer = (result: unknown) => JSON.stringify({ jsonrpc: "2.0", id: 2, result });
    const list = (result: unknown) =>
      new OperatorExtensions(kerioRpc(answer(result))).list(ListExtensionsQuery.parse({}));
    await expect(list({ sipExtensionList: [{}] })).rejects.toMatchObject({ outcome: "unexpected_response" });
    await expect(list({ sipExtensionList: "1001" })).rejects.toMatchObject({ status: 502 });
    await expect(list(null)).resolves.toMatchObject({ items: [], totalItems: 0 });
    const page = await list({
      sipExtensionList: [{ guid: 7, telNum: "1001", description: 5, callPermission: "x", sipStatus: [] }],
      totalItems: "many",
    });
    expect(ExtensionPageSchema.parse(page).items[0]).toMatchObject({ description: "", callPermission: 1 });
    const users = await new ConnectUsers(
      kerioRpc(
        answer({ list: [{ id: "u", loginName: "a", consumedSize: { value: 3, units: "constructor" } }] }),
      ),
    ).list(ListMailUsersQuery.parse({ domainId: "d" }));
    expect(users.items[0]?.consumedBytes).toBeNull();
  });

  it("Kayako: ids beyond a safe integer and times beyond a Date read as 0 and never, not a RangeError", async () => {
    const body =
      '<?xml version="1.0"?><tickets><ticket id="99999999999999999999"><lastactivity>1e20</lastactivity>' +
      "<creationtime>99999999999999</creationtime><posts><post><id>1.5</id></post></posts></ticket></tickets>";
    const client = new KayakoClient(
      fakeHttp(() => response(body)),
      { apiKey: "k", secretKey: "s" },
    );
    const ticket = await new KayakoTickets(client, async () => LOOKUPS).get("1");
    expect(TicketDetailSchema.parse(ticket)).toMatchObject({ id: 0, created: null, lastActivity: null });
    expect(ticket.posts[0]?.id).toBe(0);
  });
});
