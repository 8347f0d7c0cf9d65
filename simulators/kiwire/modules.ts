import type { Random } from "../shared/random";
import { endOfDayAfter, formatDate, formatDateTime, parseDateParameter } from "./appliance-time";
import { KIWIRE_ERRORS, SIMULATOR_ERRORS } from "./errors";
import type { LoginHistory, SessionRow } from "./login-history";
import type { KiwireAccountState, KiwireModule, KiwirePermission, KiwireProtocolConfig } from "./protocol";
import {
  batchId,
  type KiwireAccountRecord,
  type KiwireAdminRecord,
  type KiwireDeviceRecord,
  type KiwireNasRecord,
  type KiwirePlanType,
  type KiwireProfileRecord,
  type KiwireStatus,
  type KiwireStore,
  newVoucherCode,
  usernameTaken,
} from "./seed-data";
import type { UnauthorizedDevices } from "./unauthorized-devices";

/** What one module call sees. */
export interface ModuleContext {
  store: KiwireStore;
  history: LoginHistory;
  unauthorized: UnauthorizedDevices;
  config: KiwireProtocolConfig;
  account: KiwireAccountState;
  random: Random;
  now: number;
  /** The admin whose token signed the call; recorded as creator (`who`). */
  admin: string;
  value: string | undefined;
  params: Record<string, string>;
}

export type ModuleOutcome =
  | { ok: true; message: string; data: unknown; total?: number }
  | { ok: false; error: string };

interface MethodSpec {
  /** The toggle that must be on; null when the document lists none for the call. */
  permission: KiwirePermission | null;
  run(ctx: ModuleContext): ModuleOutcome;
}

const ok = (message: string, data: unknown = [], total?: number): ModuleOutcome =>
  total === undefined ? { ok: true, message, data } : { ok: true, message, data, total };
const fail = (error: string): ModuleOutcome => ({ ok: false, error });

// ---------------------------------------------------------------------------------------------------------
// Parameter helpers

/**
 * Start/limit as PHP would read them; anything but a non-negative integer falls back to the default. A
 * `maxListLimit` caps the limit silently: the page is shorter than asked although more rows exist.
 */
function paging(ctx: ModuleContext, defaultLimit: number): { start: number; limit: number } {
  const read = (name: string, fallback: number) => {
    const raw = ctx.params[name];
    return raw !== undefined && /^\d+$/.test(raw) ? Number(raw) : fallback;
  };
  const limit = read("limit", defaultLimit);
  const cap = ctx.config.maxListLimit;
  return { start: read("start", 0), limit: cap === null ? limit : Math.min(limit, cap) };
}

function present(params: Record<string, string>, name: string): string | undefined {
  const value = params[name];
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

/** Status as a caller may spell it: v2 codes, v3 and UI words, the online method's words, v3's y/n. */
export function parseStatus(text: string): KiwireStatus | null {
  switch (text.trim().toLowerCase()) {
    case "act":
    case "active":
    case "y":
      return "act";
    case "sus":
    case "suspend":
    case "suspended":
    case "n":
      return "sus";
    case "exp":
    case "expired":
      return "exp";
    default:
      return null;
  }
}

/** The `status` spellings `user/create` takes, per `userCreateStatus` (see protocol.ts). */
const USER_CREATE_STATUS: Record<
  Exclude<KiwireProtocolConfig["userCreateStatus"], "any">,
  Record<string, KiwireStatus>
> = {
  documented: { active: "act", suspend: "sus" },
  v2: { act: "act", sus: "sus" },
  yn: { y: "act", n: "sus" },
};

function userCreateStatus(text: string, config: KiwireProtocolConfig): KiwireStatus | null {
  if (config.userCreateStatus === "any") return parseStatus(text);
  return USER_CREATE_STATUS[config.userCreateStatus][text.trim()] ?? null;
}

const LONG_STATUS: Record<KiwireStatus, string> = { act: "active", exp: "expired", sus: "suspend" };

/** An active account past its expiry reads as expired (notes §4, K5: the appliance flips it itself). */
function effectiveStatus(record: KiwireAccountRecord, now: number): KiwireStatus {
  return record.status === "act" && record.expiry !== null && record.expiry <= now ? "exp" : record.status;
}

const MAC = /^[0-9a-f]{2}([:-])[0-9a-f]{2}(\1[0-9a-f]{2}){4}$/i;
const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** A zone restriction names a seeded zone or a NAS id; "" and "none" mean no restriction. */
function resolveZone(store: KiwireStore, text: string | undefined): string | null {
  if (text === undefined || text === "none") return "";
  if (store.zones.includes(text) || store.nas.has(text)) return text;
  for (const nas of store.nas.values()) if (nas.zone === text) return text;
  return null;
}

function zoneAllows(restriction: string, nas: KiwireNasRecord): boolean {
  return restriction === "" || restriction === nas.zone || restriction === nas.shortname;
}

// ---------------------------------------------------------------------------------------------------------
// Record output: numbers as strings and dates as `Y-m-d H:i:s` in the appliance zone, as PHP reads MySQL rows.

function dateOut(ms: number | null, ctx: ModuleContext): string | null {
  return ms === null ? null : formatDateTime(ms, ctx.config.timeZone);
}

function accountOut(record: KiwireAccountRecord, ctx: ModuleContext): Record<string, string | null> {
  const status = effectiveStatus(record, ctx.now);
  const out: Record<string, string | null> = {
    user_id: String(record.user_id),
    username: record.username,
    fullname: record.fullname,
    email: record.email,
    phone: record.phone,
    plan: record.plan,
    price: record.price,
    prepaid: record.prepaid,
    status: ctx.config.statusVocabulary === "v3" ? LONG_STATUS[status] : status,
    edx_auth: record.edx_auth,
    tag: record.tag,
    who: record.who,
    remark: record.remark,
    createdate: dateOut(record.createdate, ctx),
    valuedate: dateOut(record.valuedate, ctx),
    actdate: dateOut(record.actdate, ctx),
    expiry: dateOut(record.expiry, ctx),
    mac: record.mac,
    allownas: record.allownas,
    cloud_id: ctx.store.cloudId,
  };
  if (ctx.config.includeSecrets) out.password = record.password;
  return out;
}

function profileOut(record: KiwireProfileRecord, ctx: ModuleContext): Record<string, string> {
  return {
    "profile-name": record.name,
    type: record.type,
    price: record.price,
    edx: record.edx,
    minute: String(record.minute),
    vol_limit_en: record.vol_limit_en,
    vol_limit: String(record.vol_limit),
    idle: String(record.idle),
    simultaneous: String(record.simultaneous),
    bwdown: String(record.bwdown),
    bwup: String(record.bwup),
    min_up: String(record.min_up),
    min_down: String(record.min_down),
    cloud_id: ctx.store.cloudId,
  };
}

function nasOut(record: KiwireNasRecord, ctx: ModuleContext): Record<string, string> {
  const out: Record<string, string> = {
    id: String(record.id),
    nasname: record.nasname,
    shortname: record.shortname,
    type: record.type,
    ports: String(record.ports),
    server: record.server,
    community: record.community,
    description: record.description,
    location: record.location,
    zone: record.zone,
    username: record.username,
    cloud_id: ctx.store.cloudId,
  };
  // The v2 `nas` table the migration scripts read has no zone column (notes §3).
  if (!ctx.config.nasZoneColumn) delete out.zone;
  if (ctx.config.includeSecrets) Object.assign(out, { secret: record.secret, password: record.password });
  return out;
}

function deviceOut(record: KiwireDeviceRecord, ctx: ModuleContext): Record<string, string> {
  const out: Record<string, string> = {
    id: String(record.id),
    nasname: record.nasname,
    shortname: record.shortname,
    type: record.type,
    mac: record.mac,
    community: record.community,
    description: record.description,
    location: record.location,
    username: record.username,
    snmpv: String(record.snmpv),
    mib: record.mib,
    cloud_id: ctx.store.cloudId,
  };
  if (ctx.config.includeSecrets) out.password = record.password;
  return out;
}

function adminOut(record: KiwireAdminRecord, ctx: ModuleContext): Record<string, string | null> {
  const out: Record<string, string | null> = {
    admin_id: String(record.admin_id),
    username: record.username,
    groupname: record.groupname,
    fullname: record.fullname,
    email: record.email,
    monitor: record.monitor,
    temp_pass: record.temp_pass ? "true" : "false",
    lastlogin: dateOut(record.lastlogin, ctx),
    cloud_id: ctx.store.cloudId,
  };
  if (ctx.config.includeSecrets) out.password = record.password;
  return out;
}

function sessionOut(row: SessionRow, ctx: ModuleContext): Record<string, string | null> {
  const end = row.stop ?? row.update;
  return {
    radacctid: String(row.radacctid),
    cloud_id: ctx.store.cloudId,
    acctupdatetime: dateOut(row.update, ctx),
    acctsessionid: row.acctsessionid,
    acctuniqueid: row.acctuniqueid,
    calledstationid: row.calledstationid,
    callingstationid: row.callingstationid,
    zone: row.zone,
    username: row.username,
    framedipaddress: row.framedipaddress,
    acctstarttime: dateOut(row.start, ctx),
    acctstoptime: dateOut(row.stop, ctx),
    acctsessiontime: String(Math.max(0, Math.floor((end - row.start) / 1000))),
    acctinputoctets: String(row.inputOctets),
    acctoutputoctets: String(row.outputOctets),
    acctterminatecause: row.terminateCause,
    dclass: row.dclass,
    dbrand: row.dbrand,
    dmodel: row.dmodel,
    dhostname: row.dhostname,
  };
}

// ---------------------------------------------------------------------------------------------------------
// Lists

/** Get without `{value}`: every item subject to start and limit (the document's notes on each get). */
function listPage<T>(
  items: Iterable<T>,
  ctx: ModuleContext,
  defaultLimit: number,
  out: (item: T) => unknown,
) {
  const { start, limit } = paging(ctx, defaultLimit);
  const page: unknown[] = [];
  let index = 0;
  for (const item of items) {
    if (index >= start + limit) break;
    if (index >= start) page.push(out(item));
    index++;
  }
  return ok("", page);
}

const ACCOUNT_SORTS = ["user_id", "username", "fullname", "createdate", "expiry"] as const;
type AccountSort = (typeof ACCOUNT_SORTS)[number];
const isAccountSort = (text: string): text is AccountSort =>
  (ACCOUNT_SORTS as readonly string[]).includes(text);

/**
 * User and voucher lists. The vendor API only pages (notes §7), so filters apply only when the simulator's
 * `listFilters` extension is on; otherwise they are ignored, as PHP ignores unknown fields.
 */
function listAccounts(collection: Map<string, KiwireAccountRecord>, ctx: ModuleContext): ModuleOutcome {
  if (!ctx.config.listFilters) {
    const page = listPage(collection.values(), ctx, 200, (r) => accountOut(r, ctx));
    const { listTotal } = ctx.config;
    if (listTotal === "none" || !page.ok) return page;
    // "table" counts `kiwire_user` as a whole, users and vouchers alike: a total that disagrees with the list.
    const total = listTotal === "rows" ? collection.size : ctx.store.users.size + ctx.store.vouchers.size;
    return { ...page, total };
  }
  const p = ctx.params;
  const status = present(p, "status");
  const wantedStatus = status === undefined ? undefined : parseStatus(status);
  if (wantedStatus === null) return fail(SIMULATOR_ERRORS.invalidParameter("status"));
  const range = (name: string, edge: "start-of-day" | "end-of-day") => {
    const raw = present(p, name);
    return raw === undefined ? undefined : parseDateParameter(raw, ctx.config.timeZone, edge);
  };
  const bounds = {
    created_from: range("created_from", "start-of-day"),
    created_to: range("created_to", "end-of-day"),
    expiry_from: range("expiry_from", "start-of-day"),
    expiry_to: range("expiry_to", "end-of-day"),
  };
  for (const [name, value] of Object.entries(bounds)) {
    if (value === null) return fail(SIMULATOR_ERRORS.invalidParameter(name));
  }
  const {
    created_from: createdFrom,
    created_to: createdTo,
    expiry_from: expiryFrom,
    expiry_to: expiryTo,
  } = bounds;
  const sort = present(p, "sort") ?? "user_id";
  if (!isAccountSort(sort)) return fail(SIMULATOR_ERRORS.invalidParameter("sort"));
  const order = present(p, "order") ?? "asc";
  if (order !== "asc" && order !== "desc") return fail(SIMULATOR_ERRORS.invalidParameter("order"));
  const search = present(p, "search")?.toLowerCase();
  const profile = present(p, "profile");
  const batch = present(p, "batch");

  const rows = [...collection.values()].filter(
    (r) =>
      (search === undefined ||
        [r.username, r.fullname, r.email, r.phone].some((field) => field.toLowerCase().includes(search))) &&
      (wantedStatus === undefined || effectiveStatus(r, ctx.now) === wantedStatus) &&
      (profile === undefined || r.plan === profile) &&
      (batch === undefined || r.tag === batch) &&
      (createdFrom == null || r.createdate >= createdFrom) &&
      (createdTo == null || r.createdate <= createdTo) &&
      (expiryFrom == null || (r.expiry !== null && r.expiry >= expiryFrom)) &&
      (expiryTo == null || (r.expiry !== null && r.expiry <= expiryTo)),
  );
  const key = (r: KiwireAccountRecord): string | number =>
    sort === "user_id"
      ? r.user_id
      : sort === "createdate"
        ? r.createdate
        : sort === "expiry"
          ? (r.expiry ?? 0)
          : r[sort];
  rows.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    const cmp = ka < kb ? -1 : ka > kb ? 1 : a.user_id - b.user_id;
    return order === "asc" ? cmp : -cmp;
  });
  const { start, limit } = paging(ctx, 200);
  return ok(
    "",
    rows.slice(start, start + limit).map((r) => accountOut(r, ctx)),
    rows.length,
  );
}

function getOne<T>(
  map: Map<string, T>,
  ctx: ModuleContext,
  what: string,
  out: (item: T) => unknown,
): ModuleOutcome | null {
  if (ctx.value === undefined) return null;
  const item = map.get(ctx.value);
  // The document promises an array for get; by default a miss is an empty one rather than an error and a hit
  // a one-element array (notes D10), `getMiss` and `singleGet` switch to the other readings.
  if (item === undefined) {
    return ctx.config.getMiss === "error" ? fail(SIMULATOR_ERRORS.notFound(what)) : ok("", []);
  }
  return ok("", ctx.config.singleGet === "object" ? out(item) : [out(item)]);
}

function deleteOne<T>(
  map: Map<string, T>,
  ctx: ModuleContext,
  what: string,
  onDelete: (item: T) => void = () => map.delete(ctx.value ?? ""),
): ModuleOutcome {
  if (ctx.value === undefined) return fail(KIWIRE_ERRORS.provideFullUrl);
  const item = map.get(ctx.value);
  if (item === undefined) return fail(SIMULATOR_ERRORS.notFound(what));
  onDelete(item);
  return ok(`${what} deleted`);
}

// ---------------------------------------------------------------------------------------------------------
// Module: user

function createUser(ctx: ModuleContext): ModuleOutcome {
  const p = ctx.params;
  const username = present(p, "username") ?? ctx.value;
  if (username === undefined) return fail(SIMULATOR_ERRORS.missingParameter("username"));
  if (!/^\S{1,64}$/.test(username)) return fail(SIMULATOR_ERRORS.invalidParameter("username"));
  const password = present(p, "password");
  if (password === undefined) return fail(SIMULATOR_ERRORS.missingParameter("password"));
  const profileName = present(p, "profile");
  if (profileName === undefined) return fail(SIMULATOR_ERRORS.missingParameter("profile"));
  const profile = ctx.store.profiles.get(profileName);
  if (profile === undefined) return fail(SIMULATOR_ERRORS.notFound("profile"));
  const statusText = present(p, "status");
  const status = statusText === undefined ? "act" : userCreateStatus(statusText, ctx.config);
  if (status === null) return fail(SIMULATOR_ERRORS.invalidParameter("status"));
  const expiryText = present(p, "expiry");
  const expiry =
    expiryText === undefined ? null : parseDateParameter(expiryText, ctx.config.timeZone, "end-of-day");
  if (expiry === null && expiryText !== undefined) return fail(SIMULATOR_ERRORS.invalidParameter("expiry"));
  const mac = present(p, "mac") ?? "";
  if (mac !== "" && !MAC.test(mac)) return fail(SIMULATOR_ERRORS.invalidParameter("mac"));
  const allownas = resolveZone(ctx.store, present(p, "allownas"));
  if (allownas === null) return fail(SIMULATOR_ERRORS.notFound("zone"));
  if (usernameTaken(ctx.store, username)) return fail(SIMULATOR_ERRORS.alreadyExisted("user"));
  ctx.store.users.set(username, {
    user_id: ctx.store.nextUserId++,
    username,
    password,
    fullname: present(p, "fullname") ?? "",
    email: present(p, "email") ?? "",
    phone: present(p, "phone") ?? "",
    plan: profile.name,
    price: profile.price,
    prepaid: "n",
    status,
    edx_auth: present(p, "integration") ?? "int",
    tag: "",
    who: ctx.admin,
    remark: present(p, "remark") ?? "",
    createdate: ctx.now,
    valuedate: ctx.now,
    actdate: null,
    expiry,
    mac: mac.toLowerCase(),
    allownas,
  });
  return ok("user created");
}

// ---------------------------------------------------------------------------------------------------------
// Module: voucher

function createVouchers(ctx: ModuleContext): ModuleOutcome {
  const p = ctx.params;
  const { store, config } = ctx;
  const prefix = p.prefix ?? "V_";
  if (!/^[A-Za-z0-9_-]{0,16}$/.test(prefix)) return fail(SIMULATOR_ERRORS.invalidParameter("prefix"));
  const qtyText = present(p, "qty") ?? "10";
  const qty = /^\d+$/.test(qtyText) ? Number(qtyText) : Number.NaN;
  if (!(qty >= 1 && qty <= config.maxVoucherQuantity)) {
    return fail(SIMULATOR_ERRORS.quantityOutOfRange(config.maxVoucherQuantity));
  }
  const plan = store.profiles.get(present(p, "plan") ?? "wx_temp");
  if (plan === undefined) return fail(SIMULATOR_ERRORS.notFound("profile"));
  const zone = resolveZone(store, present(p, "nas"));
  if (zone === null) return fail(SIMULATOR_ERRORS.notFound("zone"));
  const expiryText = present(p, "expiry");
  const expiry =
    expiryText === undefined
      ? endOfDayAfter(ctx.now, 1, config.timeZone)
      : parseDateParameter(expiryText, config.timeZone, "end-of-day");
  if (expiry === null) return fail(SIMULATOR_ERRORS.invalidParameter("expiry"));
  // The document gives the remark the same default as the expiry, "{{tomorrow date}}": taken literally.
  const remark = p.remark ?? formatDate(endOfDayAfter(ctx.now, 1, config.timeZone), config.timeZone);
  const tag = batchId(store.nextBatch++);
  const created: unknown[] = [];
  const codes: string[] = [];
  for (let i = 0; i < qty; i++) {
    const username = newVoucherCode(store, prefix, ctx.random);
    const record: KiwireAccountRecord = {
      user_id: store.nextUserId++,
      username,
      password: username,
      fullname: "",
      email: "",
      phone: "",
      plan: plan.name,
      price: plan.price,
      prepaid: "y",
      status: "act",
      edx_auth: "int",
      tag,
      who: ctx.admin,
      remark,
      createdate: ctx.now,
      valuedate: ctx.now,
      actdate: null,
      expiry,
      mac: "",
      allownas: zone,
    };
    store.vouchers.set(username, record);
    created.push(accountOut(record, ctx));
    codes.push(username);
  }
  // Unlike other writes, the new vouchers come back by default: the console prints slips from them (notes §4).
  // The document only says `ret_data` carries "items for get method", so `voucherCreateData` has the others.
  switch (config.voucherCreateData) {
    case "records":
      return ok("voucher created", created);
    case "codes":
      return ok("voucher created", codes);
    case "none":
      return { ok: true, message: "voucher created", data: undefined };
  }
}

// ---------------------------------------------------------------------------------------------------------
// Module: profile, nas, device, admin

const PLAN_TYPES: Record<string, KiwirePlanType> = {
  "session-timeout": "Session-Timeout",
  countdown: "Session-Timeout",
  "access-period": "Access-Period",
  expiration: "Access-Period",
  free: "Free",
  payu: "Payu",
  "pay as you use": "Payu",
};

function integerParam(p: Record<string, string>, name: string, fallback: number): number | null {
  const raw = present(p, name);
  if (raw === undefined) return fallback;
  return /^\d+$/.test(raw) ? Number(raw) : null;
}

function createProfile(ctx: ModuleContext): ModuleOutcome {
  const p = ctx.params;
  const name = present(p, "profile-name");
  if (name === undefined) return fail(SIMULATOR_ERRORS.missingParameter("profile-name"));
  const typeText = present(p, "type");
  if (typeText === undefined) return fail(SIMULATOR_ERRORS.missingParameter("type"));
  const type = PLAN_TYPES[typeText.toLowerCase()];
  if (type === undefined) return fail(SIMULATOR_ERRORS.invalidParameter("type"));
  const priceText = present(p, "price") ?? "0";
  if (!/^\d+(\.\d+)?$/.test(priceText)) return fail(SIMULATOR_ERRORS.invalidParameter("price"));
  const volEnabled = present(p, "vol_limit_en") ?? "off";
  if (volEnabled !== "on" && volEnabled !== "off")
    return fail(SIMULATOR_ERRORS.invalidParameter("vol_limit_en"));
  const numbers: Record<string, number> = {};
  for (const field of [
    "minute",
    "vol_limit",
    "idle",
    "simultaneous",
    "bwdown",
    "bwup",
    "min_up",
    "min_down",
  ]) {
    const value = integerParam(p, field, field === "simultaneous" ? 1 : 0);
    if (value === null) return fail(SIMULATOR_ERRORS.invalidParameter(field));
    numbers[field] = value;
  }
  if (ctx.store.profiles.has(name)) return fail(SIMULATOR_ERRORS.alreadyExisted("profile"));
  ctx.store.profiles.set(name, {
    name,
    type,
    price: Number(priceText).toFixed(2),
    edx: present(p, "edx") ?? "",
    minute: numbers.minute ?? 0,
    vol_limit_en: volEnabled,
    vol_limit: numbers.vol_limit ?? 0,
    idle: numbers.idle ?? 0,
    simultaneous: numbers.simultaneous ?? 1,
    bwdown: numbers.bwdown ?? 0,
    bwup: numbers.bwup ?? 0,
    min_up: numbers.min_up ?? 0,
    min_down: numbers.min_down ?? 0,
  });
  return ok("profile created");
}

function createNas(ctx: ModuleContext): ModuleOutcome {
  const p = ctx.params;
  const ip = present(p, "nas-ip");
  if (ip === undefined) return fail(SIMULATOR_ERRORS.missingParameter("nas-ip"));
  if (!IPV4.test(ip)) return fail(SIMULATOR_ERRORS.invalidParameter("nas-ip"));
  const id = present(p, "nas-id");
  if (id === undefined) return fail(SIMULATOR_ERRORS.missingParameter("nas-id"));
  const ports = integerParam(p, "ports", 3799);
  if (ports === null || ports > 65535) return fail(SIMULATOR_ERRORS.invalidParameter("ports"));
  if (ctx.store.nas.has(id)) return fail(SIMULATOR_ERRORS.alreadyExisted("nas"));
  ctx.store.nas.set(id, {
    id: ctx.store.nextNasId++,
    nasname: ip,
    shortname: id,
    type: present(p, "type") ?? "other",
    ports,
    secret: present(p, "secret") ?? "",
    server: present(p, "server") ?? "",
    community: present(p, "community") ?? "",
    description: present(p, "description") ?? "",
    location: present(p, "location") ?? "",
    username: present(p, "username") ?? "",
    password: present(p, "password") ?? "",
    // The API has no zone field; a new NAS is its own zone until an admin groups it in the UI.
    zone: id,
  });
  return ok("nas created");
}

function createDevice(ctx: ModuleContext): ModuleOutcome {
  const p = ctx.params;
  const ip = present(p, "device-ip");
  if (ip === undefined) return fail(SIMULATOR_ERRORS.missingParameter("device-ip"));
  if (!IPV4.test(ip)) return fail(SIMULATOR_ERRORS.invalidParameter("device-ip"));
  const id = present(p, "device-id");
  if (id === undefined) return fail(SIMULATOR_ERRORS.missingParameter("device-id"));
  const snmpv = integerParam(p, "snmpv", 2);
  if (snmpv === null || snmpv < 1 || snmpv > 3) return fail(SIMULATOR_ERRORS.invalidParameter("snmpv"));
  if (ctx.store.devices.has(id)) return fail(SIMULATOR_ERRORS.alreadyExisted("device"));
  ctx.store.devices.set(id, {
    id: ctx.store.nextDeviceId++,
    nasname: ip,
    shortname: id,
    type: present(p, "type") ?? "other",
    // The document types `mac` as an integer "COA listening port" (a copy of the NAS table): kept as text.
    mac: present(p, "mac") ?? "",
    community: present(p, "community") ?? "",
    description: present(p, "description") ?? "",
    location: present(p, "location") ?? "",
    username: present(p, "username") ?? "",
    password: present(p, "password") ?? "",
    snmpv,
    mib: present(p, "mib") ?? "",
  });
  return ok("device created");
}

function createAdmin(ctx: ModuleContext): ModuleOutcome {
  const p = ctx.params;
  const username = present(p, "username");
  if (username === undefined) return fail(SIMULATOR_ERRORS.missingParameter("username"));
  const groupname = present(p, "groupname");
  if (groupname === undefined) return fail(SIMULATOR_ERRORS.missingParameter("groupname"));
  const monitor = (present(p, "monitor") ?? "n").toLowerCase();
  if (monitor !== "y" && monitor !== "n") return fail(SIMULATOR_ERRORS.invalidParameter("monitor"));
  const tempPass = (present(p, "temp_pass") ?? "true").toLowerCase();
  if (!["true", "false", "1", "0"].includes(tempPass))
    return fail(SIMULATOR_ERRORS.invalidParameter("temp_pass"));
  if (ctx.store.admins.has(username)) return fail(SIMULATOR_ERRORS.alreadyExisted("admin"));
  ctx.store.admins.set(username, {
    admin_id: ctx.store.nextAdminId++,
    username,
    // Kiwire mails a generated first password; the API never returns it, so this admin cannot sign API calls.
    password: ctx.random.hex(16),
    groupname,
    fullname: present(p, "fullname") ?? "",
    email: present(p, "email") ?? "",
    monitor,
    temp_pass: tempPass === "true" || tempPass === "1",
    lastlogin: null,
  });
  return ok("admin created");
}

// ---------------------------------------------------------------------------------------------------------
// Module: login

function loginHistory(ctx: ModuleContext): ModuleOutcome {
  const p = ctx.params;
  const bound = (name: string, edge: "start-of-day" | "end-of-day") => {
    const raw = present(p, name);
    return raw === undefined ? undefined : parseDateParameter(raw, ctx.config.timeZone, edge);
  };
  const fromMs = bound("start_time", "start-of-day");
  if (fromMs === null) return fail(SIMULATOR_ERRORS.invalidParameter("start_time"));
  const toMs = bound("end_time", "end-of-day");
  if (toMs === null) return fail(SIMULATOR_ERRORS.invalidParameter("end_time"));
  const rows = ctx.history.query({ username: ctx.value, fromMs, toMs });
  const { start, limit } = paging(ctx, 50);
  return ok(
    "",
    rows.slice(start, start + limit).map((row) => sessionOut(row, ctx)),
  );
}

function loginOnline(ctx: ModuleContext): ModuleOutcome {
  const p = ctx.params;
  const { store } = ctx;
  const nasId = present(p, "nas-id");
  if (nasId === undefined) return fail(SIMULATOR_ERRORS.missingParameter("nas-id"));
  const device = present(p, "device");
  if (device === undefined) return fail(SIMULATOR_ERRORS.missingParameter("device"));
  if (!MAC.test(device)) return fail(SIMULATOR_ERRORS.invalidParameter("device"));
  const ip = present(p, "ip");
  if (ip === undefined) return fail(SIMULATOR_ERRORS.missingParameter("ip"));
  if (!IPV4.test(ip)) return fail(SIMULATOR_ERRORS.invalidParameter("ip"));
  const username = present(p, "user");
  if (username === undefined) return fail(SIMULATOR_ERRORS.missingParameter("user"));
  const nas = store.nas.get(nasId);
  if (nas === undefined) return fail(SIMULATOR_ERRORS.notFound("nas"));

  let account = store.users.get(username) ?? store.vouchers.get(username);
  if (account === undefined) {
    // Creating the account is the one part of `online` that writes users, so it needs "Add User".
    if (!ctx.account.permissions.add_user) return fail(KIWIRE_ERRORS.permissionDenied);
    const profile = store.profiles.get(present(p, "profile") ?? "wx_temp");
    if (profile === undefined) return fail(SIMULATOR_ERRORS.notFound("profile"));
    const allownas = resolveZone(store, present(p, "allownas"));
    if (allownas === null) return fail(SIMULATOR_ERRORS.notFound("zone"));
    const statusText = present(p, "status") ?? "active";
    const status = statusText === "active" ? "act" : statusText === "suspend" ? "sus" : null;
    if (status === null) return fail(SIMULATOR_ERRORS.invalidParameter("status"));
    account = {
      user_id: store.nextUserId++,
      username,
      password: ctx.random.hex(8),
      fullname: "",
      email: "",
      phone: "",
      plan: profile.name,
      price: profile.price,
      prepaid: "n",
      status,
      edx_auth: "int",
      tag: "",
      who: ctx.admin,
      remark: present(p, "remark") ?? "API Registration",
      createdate: ctx.now,
      valuedate: ctx.now,
      actdate: null,
      expiry: null,
      mac: "",
      allownas,
    };
    store.users.set(username, account);
  }
  // `is_success` stays true ("the request has been processed"); the outcome is the status string.
  const status = effectiveStatus(account, ctx.now);
  if (status === "sus") return ok("account suspended");
  if (status === "exp") return ok("account expired");
  if (!zoneAllows(account.allownas, nas)) return ok("zone not allowed");
  account.actdate ??= ctx.now;
  ctx.history.open({ username, nas, mac: device, ip, now: ctx.now });
  ctx.unauthorized.authorize(nas.shortname, device);
  return ok("success");
}

function loginUnauthorize(ctx: ModuleContext): ModuleOutcome {
  const targets =
    ctx.value === undefined
      ? [...ctx.store.nas.values()]
      : [ctx.store.nas.get(ctx.value)].filter((nas) => nas !== undefined);
  const rows = targets.flatMap((nas) =>
    ctx.unauthorized.list(nas).map((device) => ({
      mac: device.mac,
      ip: device.ip,
      nas_id: device.nasId,
      zone: device.zone,
      first_seen: dateOut(device.firstSeen, ctx),
      last_seen: dateOut(device.lastSeen, ctx),
    })),
  );
  return ok("", rows);
}

// ---------------------------------------------------------------------------------------------------------
// The route table: module → method → permission and handler. Maps, so that `constructor` or `__proto__`
// in a URL can never resolve to something.

function methods(entries: Record<string, MethodSpec>): Map<string, MethodSpec> {
  return new Map(Object.entries(entries));
}

export const MODULES: ReadonlyMap<KiwireModule, ReadonlyMap<string, MethodSpec>> = new Map<
  KiwireModule,
  Map<string, MethodSpec>
>([
  [
    "user",
    methods({
      get: {
        permission: "user_information",
        run: (ctx) =>
          getOne(ctx.store.users, ctx, "user", (r) => accountOut(r, ctx)) ??
          listAccounts(ctx.store.users, ctx),
      },
      create: { permission: "add_user", run: createUser },
      delete: { permission: "delete_user", run: (ctx) => deleteOne(ctx.store.users, ctx, "user") },
    }),
  ],
  [
    // No voucher toggle exists (notes §1); vouchers are rows of the user table, so the user toggles gate them.
    "voucher",
    methods({
      get: {
        permission: "user_information",
        run: (ctx) =>
          getOne(ctx.store.vouchers, ctx, "voucher", (r) => accountOut(r, ctx)) ??
          listAccounts(ctx.store.vouchers, ctx),
      },
      create: { permission: "add_user", run: createVouchers },
      delete: {
        permission: "delete_user",
        run: (ctx) =>
          deleteOne(ctx.store.vouchers, ctx, "voucher", (voucher) => {
            if (ctx.config.voucherDelete === "erase") ctx.store.vouchers.delete(voucher.username);
            else voucher.status = "exp";
          }),
      },
    }),
  ],
  [
    "profile",
    methods({
      get: {
        permission: null,
        run: (ctx) =>
          getOne(ctx.store.profiles, ctx, "profile", (r) => profileOut(r, ctx)) ??
          listPage(ctx.store.profiles.values(), ctx, 200, (r) => profileOut(r, ctx)),
      },
      create: { permission: "add_profile", run: createProfile },
      delete: { permission: "delete_profile", run: (ctx) => deleteOne(ctx.store.profiles, ctx, "profile") },
    }),
  ],
  [
    "nas",
    methods({
      get: {
        permission: null,
        run: (ctx) =>
          getOne(ctx.store.nas, ctx, "nas", (r) => nasOut(r, ctx)) ??
          listPage(ctx.store.nas.values(), ctx, 200, (r) => nasOut(r, ctx)),
      },
      create: { permission: "add_nas", run: createNas },
      delete: { permission: "delete_nas", run: (ctx) => deleteOne(ctx.store.nas, ctx, "nas") },
    }),
  ],
  [
    "device",
    methods({
      get: {
        permission: null,
        run: (ctx) =>
          getOne(ctx.store.devices, ctx, "device", (r) => deviceOut(r, ctx)) ??
          listPage(ctx.store.devices.values(), ctx, 50, (r) => deviceOut(r, ctx)),
      },
      create: { permission: "add_device", run: createDevice },
      delete: { permission: "delete_device", run: (ctx) => deleteOne(ctx.store.devices, ctx, "device") },
    }),
  ],
  [
    "admin",
    methods({
      get: {
        permission: null,
        run: (ctx) =>
          getOne(ctx.store.admins, ctx, "admin", (r) => adminOut(r, ctx)) ??
          listPage(ctx.store.admins.values(), ctx, 200, (r) => adminOut(r, ctx)),
      },
      create: { permission: "add_admin", run: createAdmin },
      delete: { permission: "delete_admin", run: (ctx) => deleteOne(ctx.store.admins, ctx, "admin") },
    }),
  ],
  [
    "login",
    methods({
      history: { permission: "login_record", run: loginHistory },
      online: { permission: null, run: loginOnline },
      unauthorize: { permission: "login_record", run: loginUnauthorize },
    }),
  ],
]);
