import { createRandom, type Random } from "../shared/random";

/**
 * Login history (`login/history`), shaped after FreeRADIUS `radacct` plus Kiwire's extra columns (notes §3).
 * History is the biggest data set, so it is never materialised at start: each account's sessions are derived
 * from the seed and its username the first time they are asked for, then cached. Sessions opened at run time
 * by `login/online` are kept beside them.
 */
export interface SessionRow {
  radacctid: number;
  username: string;
  nasShortname: string;
  zone: string;
  calledstationid: string;
  callingstationid: string;
  framedipaddress: string;
  acctsessionid: string;
  acctuniqueid: string;
  start: number;
  /** Null while the session is still open. */
  stop: number | null;
  update: number;
  inputOctets: number;
  outputOctets: number;
  terminateCause: string;
  dclass: string;
  dbrand: string;
  dmodel: string;
  dhostname: string;
}

/** An account that has (or had) sessions, and the window they fall in. */
export interface HistorySubject {
  username: string;
  from: number;
  to: number;
  maxSessions: number;
}

export interface HistoryNas {
  shortname: string;
  zone: string;
  nasname: string;
}

export interface HistoryQuery {
  username?: string;
  fromMs?: number;
  toMs?: number;
}

export interface LoginHistory {
  query(query: HistoryQuery): SessionRow[];
  /** Opens a session now (login/online). */
  open(input: { username: string; nas: HistoryNas; mac: string; ip: string; now: number }): SessionRow;
  /** Subjects whose sessions have been generated so far (tests check laziness). */
  generatedCount(): number;
}

const MINUTE = 60_000;
const DEVICES: ReadonlyArray<readonly [string, string, string]> = [
  ["mobile", "Apple", "iPhone 14"],
  ["mobile", "Samsung", "Galaxy S23"],
  ["mobile", "Xiaomi", "Redmi Note 12"],
  ["tablet", "Apple", "iPad Air"],
  ["desktop", "Dell", "Latitude 5440"],
  ["desktop", "Lenovo", "ThinkPad T14"],
  ["mobile", "Huawei", "P60"],
];
const CAUSES = ["User-Request", "Idle-Timeout", "Session-Timeout", "Lost-Carrier", "Admin-Reset"];

/** FNV-1a, to give every username its own reproducible random stream. */
function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function radiusMac(random: Random): string {
  return Array.from({ length: 6 }, () => random.int(0, 255).toString(16).padStart(2, "0"))
    .join("-")
    .toUpperCase();
}

function nasMac(nas: HistoryNas): string {
  const h = hashString(nas.shortname);
  const bytes = [0x4c, 0x5e, 0x0c, (h >>> 16) & 0xff, (h >>> 8) & 0xff, h & 0xff];
  return bytes.map((b) => b.toString(16).padStart(2, "0").toUpperCase()).join("-");
}

export function createLoginHistory(input: {
  seed: number;
  anchorMs: number;
  nas: readonly HistoryNas[];
  subjects: readonly HistorySubject[];
}): LoginHistory {
  const subjectIndex = new Map(input.subjects.map((subject, index) => [subject.username, index]));
  const cache = new Map<number, SessionRow[]>();
  const live: SessionRow[] = [];
  let nextLiveId = (input.subjects.length + 1) * 100;

  const generate = (index: number): SessionRow[] => {
    const cached = cache.get(index);
    if (cached) return cached;
    const subject = input.subjects[index];
    const rows: SessionRow[] = [];
    if (subject && subject.to > subject.from && input.nas.length > 0) {
      const random = createRandom((input.seed ^ hashString(subject.username)) >>> 0);
      const devices = Array.from({ length: random.int(1, 3) }, () => ({
        kind: random.pick(DEVICES),
        mac: radiusMac(random),
        home: random.pick(input.nas),
      }));
      const starts = Array.from({ length: random.int(0, subject.maxSessions) }, () =>
        Math.floor(subject.from + random.next() * (subject.to - subject.from)),
      ).sort((a, b) => a - b);
      starts.forEach((start, k) => {
        const device = random.pick(devices);
        const nas = random.chance(0.8) ? device.home : random.pick(input.nas);
        const duration = random.int(5, 480) * MINUTE + random.int(0, 59_000);
        const open = start + duration > input.anchorMs;
        const stop = open ? null : start + duration;
        const [dclass, dbrand, dmodel] = device.kind;
        rows.push({
          radacctid: index * 100 + k + 1,
          username: subject.username,
          nasShortname: nas.shortname,
          zone: nas.zone,
          calledstationid: `${nasMac(nas)}:Guest-WiFi`,
          callingstationid: device.mac,
          framedipaddress: `172.16.${random.int(0, 63)}.${random.int(2, 254)}`,
          acctsessionid: random.hex(8).toUpperCase(),
          acctuniqueid: random.hex(32),
          start,
          stop,
          update: stop ?? start + Math.floor((input.anchorMs - start) / (5 * MINUTE)) * 5 * MINUTE,
          inputOctets: random.int(10_000, 500_000_000),
          outputOctets: random.int(50_000, 4_000_000_000),
          terminateCause: open ? "" : random.pick(CAUSES),
          dclass,
          dbrand,
          dmodel,
          dhostname: `${dbrand.toLowerCase()}-${device.mac.slice(-5).replace("-", "").toLowerCase()}`,
        });
      });
    }
    cache.set(index, rows);
    return rows;
  };

  const inRange = (row: SessionRow, query: HistoryQuery) =>
    (query.fromMs === undefined || row.start >= query.fromMs) &&
    (query.toMs === undefined || row.start <= query.toMs);

  return {
    query(query) {
      let rows: SessionRow[];
      if (query.username !== undefined) {
        const index = subjectIndex.get(query.username);
        const seeded = index === undefined ? [] : generate(index);
        rows = [...seeded, ...live.filter((row) => row.username === query.username)];
      } else {
        rows = [];
        for (let index = 0; index < input.subjects.length; index++) {
          for (const row of generate(index)) rows.push(row);
        }
        rows.push(...live);
      }
      // Newest first, so the default page (limit 50) shows recent sessions; ids break ties for stable paging.
      return rows
        .filter((row) => inRange(row, query))
        .sort((a, b) => b.start - a.start || b.radacctid - a.radacctid);
    },
    open({ username, nas, mac, ip, now }) {
      const row: SessionRow = {
        radacctid: nextLiveId++,
        username,
        nasShortname: nas.shortname,
        zone: nas.zone,
        calledstationid: `${nasMac(nas)}:Guest-WiFi`,
        callingstationid: mac.toUpperCase().replace(/:/g, "-"),
        framedipaddress: ip,
        acctsessionid: now.toString(16).slice(-8).toUpperCase(),
        acctuniqueid: `${now.toString(16)}${String(nextLiveId).padStart(20, "0")}`.slice(0, 32),
        start: now,
        stop: null,
        update: now,
        inputOctets: 0,
        outputOctets: 0,
        terminateCause: "",
        dclass: "",
        dbrand: "",
        dmodel: "",
        dhostname: "",
      };
      live.push(row);
      return row;
    },
    generatedCount: () => cache.size,
  };
}
