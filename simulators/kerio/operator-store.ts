import type { Random } from "../shared/random";
import { createLoginAllocator, randomDepartment, randomPerson, sipPassword } from "./seed-names";

/**
 * Kerio Operator's PBX data: users, extensions and the rest of the dial plan (notes §4).
 *
 * An extension is a number with one SIP registration ("single line", lineType 0) or a multi-registration
 * group (lineType 2) with one line row per registration (lineType 1, `parentId` = group guid), notes §4.1.
 * Internally every extension is a group with lines, which is why Extensions.create answers with both a
 * `guidGroup` and a `guidLine` (§4.2): for a single line the line's guid stays hidden until a second
 * registration turns the extension into a visible group.
 */

export interface OperatorUser {
  GUID: number;
  USERNAME: string;
  FULL_NAME: string;
  EMAIL: string;
  DISABLED: 0 | 1;
}

export interface SipLine {
  guid: number;
  sipUsername: string;
  sipPassword: string;
  registered: boolean;
}

export interface Codec {
  ID: string;
  SEQUENCE: number;
  DESCRIPTION: string;
}

/** Per-extension settings the create form sends (notes §4.2); stored and echoed, not interpreted. */
export interface ExtensionSettings {
  dtmfMode: number;
  faxDetect: boolean;
  faxDetectType: number;
  natSupport: boolean;
  recordInbound: boolean;
  recordOutbound: boolean;
  secured: boolean;
  /** Never mutated in place (replaced on set), so extensions may share one list. */
  selectedCodecs: readonly Codec[];
}

export interface OperatorExtension extends ExtensionSettings {
  guid: number;
  telNum: string;
  description: string;
  userGuid: number | null;
  callPermission: number;
  multipleRegistration: boolean;
  lines: SipLine[];
}

/** One row of `Extensions.get` → `sipExtensionList` (field names as observed, notes §4.1). */
export interface ExtensionRow extends ExtensionSettings {
  guid: number;
  telNum: string;
  description: string;
  /** 0 single line, 1 line of a multi-registration group, 2 the group itself (S8's constants). */
  lineType: 0 | 1 | 2;
  sipUsername?: string;
  parentId?: number;
  userGuid: number | null;
  USERNAME: string;
  FULL_NAME: string;
  EMAIL: string;
  callPermission: number;
  sipStatus?: { registered: 0 | 1 };
}

/** `Server.getInternalDirectoryList` → `numberList[]` (notes §4.7). */
export interface DirectoryEntry {
  TEL_NUM: string;
  DESCRIPTION: string;
  EXTENSION_TYPE_ID: number;
}

/** EXTENSION_TYPE_ID values (notes §4.7, S7 getDialPlan.php). */
export const EXTENSION_TYPE = {
  line: 1,
  conference: 4,
  callQueue: 5,
  ivr: 6,
  voicemail: 7,
  emergency: 8,
  ringGroup: 9,
  echo: 10,
  pickup: 16,
  callParking: 19,
} as const;

/** Call permission levels the simulator accepts; the real list is not documented (README, §4.2 sends 1). */
export const CALL_PERMISSIONS = [0, 1, 2, 3] as const;

/** The codec list S10 sends on create (notes §4.2); the simulator's default for new extensions. */
export const DEFAULT_CODECS: readonly Codec[] = Object.freeze(
  [
    { ID: "G.711 A-law", SEQUENCE: 1, DESCRIPTION: "G.711 A-law" },
    { ID: "G.711 U-law", SEQUENCE: 2, DESCRIPTION: "G.711 U-law" },
    { ID: "GSM Full Rate", SEQUENCE: 3, DESCRIPTION: "GSM Full Rate" },
    { ID: "speex", SEQUENCE: 4, DESCRIPTION: "Speex" },
    { ID: "ilbc", SEQUENCE: 5, DESCRIPTION: "iLBC" },
    { ID: "g722", SEQUENCE: 6, DESCRIPTION: "G.722" },
    { ID: "g726", SEQUENCE: 7, DESCRIPTION: "G.726" },
  ].map((codec) => Object.freeze(codec)),
);

export function defaultSettings(): ExtensionSettings {
  return {
    dtmfMode: 0,
    faxDetect: false,
    faxDetectType: 0,
    natSupport: false,
    recordInbound: false,
    recordOutbound: false,
    secured: false,
    selectedCodecs: DEFAULT_CODECS,
  };
}

export interface OperatorSeedOptions {
  extensions: number;
  users: number;
  firstExtensionNumber: number;
}

export interface LineLocation {
  extension: OperatorExtension;
  line: SipLine;
}

export class OperatorStore {
  readonly users: OperatorUser[] = [];
  private readonly usersByGuid = new Map<number, OperatorUser>();
  /** Insertion order is guid order, which is the order rows come back in when no orderBy is given. */
  readonly extensions = new Map<number, OperatorExtension>();
  private readonly lines = new Map<number, LineLocation>();
  readonly otherNumbers: DirectoryEntry[] = [];
  private nextGuid: number;
  private rowsCache: ExtensionRow[] | undefined;

  constructor(
    readonly random: Random,
    readonly firstExtensionNumber: number,
    firstGuid: number,
  ) {
    this.nextGuid = firstGuid;
  }

  allocateGuid(): number {
    const guid = this.nextGuid;
    this.nextGuid += 1;
    return guid;
  }

  addUser(user: OperatorUser): void {
    this.users.push(user);
    this.usersByGuid.set(user.GUID, user);
  }

  user(guid: number): OperatorUser | undefined {
    return this.usersByGuid.get(guid);
  }

  addExtension(extension: OperatorExtension): void {
    this.extensions.set(extension.guid, extension);
    for (const line of extension.lines) this.lines.set(line.guid, { extension, line });
    this.changed();
  }

  addLine(extension: OperatorExtension, line: SipLine): void {
    extension.lines.push(line);
    this.lines.set(line.guid, { extension, line });
    this.changed();
  }

  removeExtension(extension: OperatorExtension): void {
    this.extensions.delete(extension.guid);
    for (const line of extension.lines) this.lines.delete(line.guid);
    this.changed();
  }

  removeLine(location: LineLocation): void {
    location.extension.lines = location.extension.lines.filter((line) => line !== location.line);
    this.lines.delete(location.line.guid);
    this.changed();
  }

  line(guid: number): LineLocation | undefined {
    return this.lines.get(guid);
  }

  /** Call after any in-place change to an extension so the row view is rebuilt. */
  changed(): void {
    this.rowsCache = undefined;
  }

  /** Every dialable number, extensions and the rest of the dial plan (a free-number check needs all, §4.7). */
  usedNumbers(): Set<string> {
    const used = new Set<string>(this.otherNumbers.map((entry) => entry.TEL_NUM));
    for (const extension of this.extensions.values()) used.add(extension.telNum);
    return used;
  }

  numberInUse(telNum: string, exceptExtension?: OperatorExtension): boolean {
    if (this.otherNumbers.some((entry) => entry.TEL_NUM === telNum)) return true;
    for (const extension of this.extensions.values()) {
      if (extension.telNum === telNum && extension !== exceptExtension) return true;
    }
    return false;
  }

  sipUsernameInUse(sipUsername: string, exceptLine?: SipLine): boolean {
    for (const { line } of this.lines.values()) {
      if (line.sipUsername.toLowerCase() === sipUsername.toLowerCase() && line !== exceptLine) return true;
    }
    return false;
  }

  /** The lowest free number at or above the first extension number (Extensions.getNextValidNumber). */
  nextFreeNumber(): string {
    const used = this.usedNumbers();
    let candidate = this.firstExtensionNumber;
    while (used.has(String(candidate))) candidate += 1;
    return String(candidate);
  }

  directory(): DirectoryEntry[] {
    const entries: DirectoryEntry[] = [...this.extensions.values()].map((extension) => ({
      TEL_NUM: extension.telNum,
      DESCRIPTION: extension.description,
      EXTENSION_TYPE_ID: EXTENSION_TYPE.line,
    }));
    return [...entries, ...this.otherNumbers];
  }

  rows(): ExtensionRow[] {
    if (this.rowsCache) return this.rowsCache;
    const rows: ExtensionRow[] = [];
    for (const extension of this.extensions.values()) {
      const owner = extension.userGuid === null ? undefined : this.usersByGuid.get(extension.userGuid);
      const row = (guid: number, lineType: 0 | 1 | 2, line?: SipLine): ExtensionRow => ({
        guid,
        telNum: extension.telNum,
        description: extension.description,
        lineType,
        ...(line ? { sipUsername: line.sipUsername } : {}),
        ...(lineType === 1 ? { parentId: extension.guid } : {}),
        userGuid: extension.userGuid,
        USERNAME: owner?.USERNAME ?? "",
        FULL_NAME: owner?.FULL_NAME ?? "",
        EMAIL: owner?.EMAIL ?? "",
        callPermission: extension.callPermission,
        ...(line ? { sipStatus: { registered: line.registered ? 1 : 0 } } : {}),
        dtmfMode: extension.dtmfMode,
        faxDetect: extension.faxDetect,
        faxDetectType: extension.faxDetectType,
        natSupport: extension.natSupport,
        recordInbound: extension.recordInbound,
        recordOutbound: extension.recordOutbound,
        secured: extension.secured,
        selectedCodecs: extension.selectedCodecs,
      });
      const first = extension.lines[0];
      if (!extension.multipleRegistration && first) {
        rows.push(row(extension.guid, 0, first));
        continue;
      }
      // The group row has no sipUsername (that is how S11 tells it from its lines) and no own SIP status.
      rows.push(row(extension.guid, 2));
      for (const line of extension.lines) rows.push(row(line.guid, 1, line));
    }
    this.rowsCache = rows;
    return rows;
  }

  /** `Users.get` → `userList[]` rows, with the user's extensions as in S9/S12 (notes §4.6). */
  userRows() {
    const byUser = new Map<number, OperatorExtension[]>();
    for (const extension of this.extensions.values()) {
      if (extension.userGuid === null) continue;
      const list = byUser.get(extension.userGuid) ?? [];
      list.push(extension);
      byUser.set(extension.userGuid, list);
    }
    return this.users.map((user) => ({
      ...user,
      EXTENSIONS: (byUser.get(user.GUID) ?? []).map((extension, index) => ({
        GUID: extension.guid,
        TEL_NUM: extension.telNum,
        DESCRIPTION: extension.description,
        IS_PRIMARY: index === 0,
      })),
    }));
  }
}

const ROOMS = [
  "Reception desk",
  "Meeting room",
  "Lobby phone",
  "Fax",
  "Door phone",
  "Warehouse floor",
  "Kitchen",
];

/**
 * Seeds the PBX deterministically from the seed: users, extensions numbered upwards from the first number
 * with occasional gaps, about 5 % multi-registration groups of 2 or 3 lines, about two thirds of lines
 * registered, and a few non-extension numbers (conferences, queues, ...) inside the extension range so a
 * free-number search has to look at the whole dial plan.
 */
export function seedOperator(random: Random, options: OperatorSeedOptions): OperatorStore {
  const firstGuid = Math.max(100_000, (options.users + 1) * 10);
  const store = new OperatorStore(random, options.firstExtensionNumber, firstGuid);
  const uniqueLogin = createLoginAllocator();
  for (let index = 0; index < options.users; index += 1) {
    const person = randomPerson(random);
    const login = uniqueLogin(person.login);
    store.addUser({
      GUID: index + 1,
      USERNAME: login,
      FULL_NAME: person.fullName,
      EMAIL: `${login}@example.com`,
      DISABLED: random.chance(0.05) ? 1 : 0,
    });
  }
  store.otherNumbers.push(
    { TEL_NUM: "112", DESCRIPTION: "Emergency", EXTENSION_TYPE_ID: EXTENSION_TYPE.emergency },
    { TEL_NUM: "999", DESCRIPTION: "Voicemail", EXTENSION_TYPE_ID: EXTENSION_TYPE.voicemail },
    { TEL_NUM: "998", DESCRIPTION: "Echo test", EXTENSION_TYPE_ID: EXTENSION_TYPE.echo },
  );
  const specials: Array<[number, string]> = [
    [EXTENSION_TYPE.conference, "Conference room"],
    [EXTENSION_TYPE.callQueue, "Call queue"],
    [EXTENSION_TYPE.ivr, "Auto attendant"],
    [EXTENSION_TYPE.ringGroup, "Ring group"],
    [EXTENSION_TYPE.pickup, "Group pickup"],
    [EXTENSION_TYPE.callParking, "Call parking"],
  ];
  let number = options.firstExtensionNumber;
  let created = 0;
  while (created < options.extensions) {
    if (random.chance(0.03)) number += random.int(1, 3);
    if (created > 0 && random.chance(0.02)) {
      const [type, label] = random.pick(specials);
      store.otherNumbers.push({
        TEL_NUM: String(number),
        DESCRIPTION: `${label} ${number}`,
        EXTENSION_TYPE_ID: type,
      });
      number += 1;
      continue;
    }
    const telNum = String(number);
    number += 1;
    const owner =
      options.users > 0 && random.chance(0.8) ? store.users[random.int(0, options.users - 1)] : undefined;
    const multi = random.chance(0.05);
    const guid = store.allocateGuid();
    const lineCount = multi ? random.int(2, 3) : 1;
    const lines: SipLine[] = [];
    for (let lineIndex = 0; lineIndex < lineCount; lineIndex += 1) {
      lines.push({
        guid: store.allocateGuid(),
        sipUsername: multi ? `${telNum}-${lineIndex + 1}` : telNum,
        sipPassword: sipPassword(random),
        registered: random.chance(0.65),
      });
    }
    const permissionRoll = random.next();
    store.addExtension({
      guid,
      telNum,
      description: owner ? owner.FULL_NAME : `${random.pick(ROOMS)} (${randomDepartment(random)})`,
      userGuid: owner?.GUID ?? null,
      callPermission: permissionRoll < 0.75 ? 1 : permissionRoll < 0.85 ? 2 : permissionRoll < 0.95 ? 3 : 0,
      multipleRegistration: multi,
      lines,
      ...defaultSettings(),
    });
    created += 1;
  }
  return store;
}
