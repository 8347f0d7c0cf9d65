import type { Random } from "../shared/random";

/**
 * The appliance's data, shaped after the Kiwire 2 database columns that Synchroweb's own v2→v3 migration
 * scripts read (notes §3). Times are epoch milliseconds here and are formatted in the appliance's time zone
 * only when a response is written.
 */

/** Kiwire 2 status codes as stored in `kiwire_user.status` (notes §3, D9). */
export type KiwireStatus = "act" | "exp" | "sus";

/** `kiwire_plan` values of a profile (notes §3: Session-Timeout=Countdown, Access-Period=Expiration...). */
export type KiwirePlanType = "Session-Timeout" | "Access-Period" | "Free" | "Payu";

/** One row of `kiwire_user`: users (`prepaid = "n"`) and vouchers (`prepaid = "y"`) share the table. */
export interface KiwireAccountRecord {
  user_id: number;
  username: string;
  password: string;
  fullname: string;
  email: string;
  phone: string;
  plan: string;
  price: string;
  prepaid: "y" | "n";
  status: KiwireStatus;
  edx_auth: string;
  /** Voucher batch id; empty for users. */
  tag: string;
  who: string;
  remark: string;
  createdate: number;
  valuedate: number;
  actdate: number | null;
  expiry: number | null;
  mac: string;
  allownas: string;
}

export interface KiwireProfileRecord {
  name: string;
  type: KiwirePlanType;
  price: string;
  edx: string;
  minute: number;
  vol_limit_en: "on" | "off";
  vol_limit: number;
  idle: number;
  simultaneous: number;
  bwdown: number;
  bwup: number;
  min_up: number;
  min_down: number;
}

/** A row of the `nas` table; `zone` is the simulator's link to zone restrictions (`allownas`). */
export interface KiwireNasRecord {
  id: number;
  nasname: string;
  shortname: string;
  type: string;
  ports: number;
  secret: string;
  server: string;
  community: string;
  description: string;
  location: string;
  username: string;
  password: string;
  zone: string;
}

/** Monitored equipment; Kiwire 2 keeps it in the `nas` table too (notes §3), so the columns match. */
export interface KiwireDeviceRecord {
  id: number;
  nasname: string;
  shortname: string;
  type: string;
  mac: string;
  community: string;
  description: string;
  location: string;
  username: string;
  password: string;
  snmpv: number;
  mib: string;
}

export interface KiwireAdminRecord {
  admin_id: number;
  username: string;
  password: string;
  groupname: string;
  fullname: string;
  email: string;
  monitor: "y" | "n";
  temp_pass: boolean;
  lastlogin: number | null;
}

export interface SeedSizes {
  users: number;
  vouchers: number;
  profiles: number;
  nas: number;
  devices: number;
  voucherCodeDigits: number;
}

export interface KiwireStore {
  cloudId: string;
  /** The instant the seeded data is dated from (start of the simulator unless fixed by an option). */
  anchorMs: number;
  users: Map<string, KiwireAccountRecord>;
  vouchers: Map<string, KiwireAccountRecord>;
  profiles: Map<string, KiwireProfileRecord>;
  nas: Map<string, KiwireNasRecord>;
  devices: Map<string, KiwireDeviceRecord>;
  admins: Map<string, KiwireAdminRecord>;
  /** Seeded zone names, one per seeded NAS. */
  zones: string[];
  voucherCodeDigits: number;
  nextUserId: number;
  nextBatch: number;
  nextNasId: number;
  nextDeviceId: number;
  nextAdminId: number;
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

/** `V` + 7-digit counter, the batch id format of Kiwire v3's voucher engine (notes §4). */
export function batchId(counter: number): string {
  return `V${String(counter).padStart(7, "0")}`;
}

/** True when the username is taken by a user or a voucher (they share `kiwire_user`). */
export function usernameTaken(store: KiwireStore, username: string): boolean {
  return store.users.has(username) || store.vouchers.has(username);
}

/** A fresh voucher code: prefix + N random digits (notes §4), unique across users and vouchers. */
export function newVoucherCode(store: KiwireStore, prefix: string, random: Random): string {
  const digits = store.voucherCodeDigits;
  for (let attempt = 0; attempt < 1000; attempt++) {
    let code = prefix;
    for (let i = 0; i < digits; i++) code += String(random.int(0, 9));
    if (!usernameTaken(store, code)) return code;
  }
  throw new Error(`voucher code space exhausted for prefix "${prefix}" with ${digits} digits`);
}

const BASE_PROFILES: readonly KiwireProfileRecord[] = [
  profile("wx_temp", "Session-Timeout", "0.00", 5, 1024, 512),
  profile("1Hour-2Mbps", "Session-Timeout", "2.00", 60, 2048, 1024),
  profile("1Day-5Mbps", "Access-Period", "5.00", 1440, 5120, 2048),
  profile("3Day-5Mbps", "Access-Period", "12.00", 4320, 5120, 2048),
  profile("1Week-10Mbps", "Access-Period", "25.00", 10080, 10240, 5120),
  profile("1Month-20Mbps", "Access-Period", "80.00", 43200, 20480, 10240),
  profile("Conference-1Day", "Access-Period", "0.00", 1440, 10240, 5120),
  profile("Staff-Unlimited", "Free", "0.00", 0, 51200, 20480),
  profile("PayU-Lobby", "Payu", "0.10", 0, 5120, 2048),
  profile("VIP-50Mbps", "Access-Period", "150.00", 43200, 51200, 25600),
];

function profile(
  name: string,
  type: KiwirePlanType,
  price: string,
  minute: number,
  bwdown: number,
  bwup: number,
): KiwireProfileRecord {
  const capped = type === "Access-Period" && minute >= 43200;
  return {
    name,
    type,
    price,
    edx: "",
    minute,
    vol_limit_en: capped ? "on" : "off",
    vol_limit: capped ? 100 : 0,
    idle: 15,
    simultaneous: type === "Free" ? 3 : 1,
    bwdown,
    bwup,
    min_up: 0,
    min_down: 0,
  };
}

const ZONES = ["Lobby", "Ballroom", "Cafe", "Pool", "Tower-A", "Tower-B", "Conference", "Staff"];
const NAS_TYPES = ["mikrotik", "cisco_wlc", "ruckus_vsz", "aruba", "fortigate"];
const FIRST_NAMES = [
  "ahmad",
  "siti",
  "nurul",
  "muhammad",
  "wei",
  "mei",
  "raj",
  "priya",
  "john",
  "sarah",
  "aisyah",
  "hafiz",
  "kumar",
  "lim",
  "tan",
  "farah",
  "daniel",
  "emma",
  "irfan",
  "zara",
  "chong",
  "anita",
  "hakim",
  "liyana",
];
const LAST_NAMES = [
  "abdullah",
  "ismail",
  "rahman",
  "tan",
  "lee",
  "wong",
  "singh",
  "nair",
  "smith",
  "brown",
  "yusof",
  "hassan",
  "chen",
  "ng",
  "kaur",
  "omar",
  "lim",
  "teo",
  "ali",
  "zainal",
];
const REMARKS = [
  "",
  "",
  "Walk-in guest",
  "Long stay",
  "Staff device",
  "Event attendee",
  "Migrated from v1.6",
];
const VOUCHER_PREFIXES = ["V_", "v", "CONF", "LBY", "GST"];
const VOUCHER_REMARKS = ["Front desk", "Conference batch", "Lobby batch", "Pool bar", "Night shift"];
const BATCH_SIZES = [50, 100, 200, 250, 500, 1000];

function mac(random: Random): string {
  const bytes = [random.int(0, 255) & 0xfe, ...Array.from({ length: 5 }, () => random.int(0, 255))];
  return bytes.map((b) => b.toString(16).padStart(2, "0")).join(":");
}

export interface SeedInput {
  random: Random;
  anchorMs: number;
  cloudId: string;
  adminUsername: string;
  adminPassword: string;
  sizes: SeedSizes;
}

/** Builds the whole store from the seed; same seed and anchor, same data. */
export function seedStore(input: SeedInput): KiwireStore {
  const { random, anchorMs, sizes } = input;
  const store: KiwireStore = {
    cloudId: input.cloudId,
    anchorMs,
    users: new Map(),
    vouchers: new Map(),
    profiles: new Map(),
    nas: new Map(),
    devices: new Map(),
    admins: new Map(),
    zones: [],
    voucherCodeDigits: sizes.voucherCodeDigits,
    nextUserId: 1,
    nextBatch: 1,
    nextNasId: 1,
    nextDeviceId: 1,
    nextAdminId: 1,
  };
  seedProfiles(store, sizes.profiles);
  seedNas(store, random, sizes.nas);
  seedDevices(store, random, sizes.devices);
  seedAdmins(store, input.adminUsername, input.adminPassword);
  seedUsers(store, random, sizes.users);
  seedVouchers(store, random, sizes.vouchers);
  return store;
}

function seedProfiles(store: KiwireStore, count: number): void {
  // wx_temp is the documented default profile of voucher/create and login/online: always present.
  const wanted = Math.max(1, count);
  for (let i = 0; i < wanted; i++) {
    const base = BASE_PROFILES[i];
    const record = base
      ? { ...base }
      : profile(`Plan-${i + 1}`, "Access-Period", `${i}.00`, 1440 * i, 5120, 2048);
    store.profiles.set(record.name, record);
  }
}

function seedNas(store: KiwireStore, random: Random, count: number): void {
  for (let i = 0; i < count; i++) {
    const zone = ZONES[i] ?? `Zone-${i + 1}`;
    const id = store.nextNasId++;
    const record: KiwireNasRecord = {
      id,
      nasname: `10.10.${i + 1}.1`,
      shortname: `nas-${zone.toLowerCase()}`,
      type: random.pick(NAS_TYPES),
      ports: 3799,
      secret: random.hex(16),
      server: "",
      community: "public",
      description: `${zone} access controller`,
      location: zone,
      username: "admin",
      password: random.hex(12),
      zone,
    };
    store.nas.set(record.shortname, record);
    store.zones.push(zone);
  }
}

function seedDevices(store: KiwireStore, random: Random, count: number): void {
  for (let i = 0; i < count; i++) {
    const id = store.nextDeviceId++;
    const isSwitch = i % 3 === 2;
    const location = store.zones[i % Math.max(1, store.zones.length)] ?? "Main";
    const record: KiwireDeviceRecord = {
      id,
      nasname: `10.20.0.${i + 10}`,
      shortname: `${isSwitch ? "sw" : "ap"}-${String(i + 1).padStart(2, "0")}`,
      type: isSwitch ? "switch" : "access_point",
      mac: mac(random),
      community: "public",
      description: isSwitch ? "Distribution switch" : "Ceiling access point",
      location,
      username: "admin",
      password: random.hex(12),
      snmpv: 2,
      mib: isSwitch ? "IF-MIB" : "IEEE802dot11-MIB",
    };
    store.devices.set(record.shortname, record);
  }
}

function seedAdmins(store: KiwireStore, apiUsername: string, apiPassword: string): void {
  const rows: Array<Omit<KiwireAdminRecord, "admin_id">> = [
    {
      username: apiUsername,
      password: apiPassword,
      groupname: "Administrator",
      fullname: "API integration",
      email: "api@example.com",
      monitor: "n",
      temp_pass: false,
      lastlogin: null,
    },
    {
      username: apiUsername === "admin" ? "supervisor" : "admin",
      password: "not-for-api-use",
      groupname: "Administrator",
      fullname: "System Administrator",
      email: "it@example.com",
      monitor: "y",
      temp_pass: false,
      lastlogin: store.anchorMs - 2 * DAY,
    },
    {
      username: "frontdesk",
      password: "not-for-api-use",
      groupname: "Operator",
      fullname: "Front Desk",
      email: "frontdesk@example.com",
      monitor: "n",
      temp_pass: true,
      lastlogin: store.anchorMs - 3 * 60 * MINUTE,
    },
  ];
  for (const row of rows) store.admins.set(row.username, { admin_id: store.nextAdminId++, ...row });
}

function seedUsers(store: KiwireStore, random: Random, count: number): void {
  const accountPlans = [...store.profiles.values()].filter((p) => p.name !== "wx_temp");
  const plans = accountPlans.length > 0 ? accountPlans : [...store.profiles.values()];
  for (let i = 0; i < count; i++) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    let username = `${first}.${last}`;
    while (usernameTaken(store, username)) username = `${first}.${last}${random.int(1, 9999)}`;
    const plan = random.pick(plans);
    const createdate = store.anchorMs - random.int(1, 730) * DAY + random.int(0, DAY - 1);
    const hasExpiry = random.chance(0.5);
    const expiry = hasExpiry ? createdate + random.pick([30, 90, 180, 365, 730]) * DAY : null;
    const roll = random.next();
    const status: KiwireStatus =
      expiry !== null && expiry < store.anchorMs ? "exp" : roll < 0.08 ? "sus" : "act";
    const record: KiwireAccountRecord = {
      user_id: store.nextUserId++,
      username,
      password: random.hex(8),
      fullname: `${capitalise(first)} ${capitalise(last)}`,
      email: `${username}@example.com`,
      phone: `+601${random.int(0, 9)}${String(random.int(0, 9_999_999)).padStart(7, "0")}`,
      plan: plan.name,
      price: plan.price,
      prepaid: "n",
      status,
      edx_auth: random.chance(0.9) ? "int" : random.pick(["ldap", "sms", "social"]),
      tag: "",
      who: random.pick(["admin", "frontdesk"]),
      remark: random.pick(REMARKS),
      createdate,
      valuedate: createdate,
      actdate: random.chance(0.9) ? createdate + random.int(0, 3) * DAY : null,
      expiry,
      mac: random.chance(0.2) ? mac(random) : "",
      allownas: store.zones.length > 0 && random.chance(0.15) ? random.pick(store.zones) : "",
    };
    store.users.set(username, record);
  }
}

function seedVouchers(store: KiwireStore, random: Random, count: number): void {
  const plans = [...store.profiles.values()].filter((p) => p.type !== "Free");
  const voucherPlans = plans.length > 0 ? plans : [...store.profiles.values()];
  let remaining = count;
  while (remaining > 0) {
    const size = Math.min(remaining, random.pick(BATCH_SIZES));
    remaining -= size;
    const tag = batchId(store.nextBatch++);
    const prefix = random.pick(VOUCHER_PREFIXES);
    const plan = random.pick(voucherPlans);
    const createdate = store.anchorMs - random.int(0, 180) * DAY - random.int(0, DAY - 1);
    const expiry = createdate + random.pick([1, 7, 30, 90]) * DAY;
    const zone = store.zones.length > 0 && random.chance(0.4) ? random.pick(store.zones) : "";
    const remark = random.pick(VOUCHER_REMARKS);
    const who = random.pick(["admin", "frontdesk"]);
    for (let i = 0; i < size; i++) {
      const username = newVoucherCode(store, prefix, random);
      const expired = expiry < store.anchorMs;
      const used = random.chance(expired ? 0.7 : 0.3);
      const lastUse = Math.min(store.anchorMs, expiry);
      const actdate = used
        ? createdate + Math.floor(random.next() * Math.max(1, lastUse - createdate))
        : null;
      // A countdown plan voids the voucher once its minutes are spent, before the expiry date (notes §4).
      const exhausted =
        actdate !== null && plan.minute > 0 && actdate + plan.minute * MINUTE < store.anchorMs;
      const status: KiwireStatus = expired || exhausted ? "exp" : random.chance(0.02) ? "sus" : "act";
      store.vouchers.set(username, {
        user_id: store.nextUserId++,
        username,
        password: username,
        fullname: "",
        email: "",
        phone: "",
        plan: plan.name,
        price: plan.price,
        prepaid: "y",
        status,
        edx_auth: "int",
        tag,
        who,
        remark,
        createdate,
        valuedate: createdate,
        actdate,
        expiry,
        mac: "",
        allownas: zone,
      });
    }
  }
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
