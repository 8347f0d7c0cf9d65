import type { Random } from "../shared/random";
import { createLoginAllocator, randomDepartment, randomPerson, seededGuid } from "./seed-names";

/** Kerio Connect's domains and user accounts (notes §5; IDL field names from S16 `users.go`/`domains.go`). */

export type UserRoleType = "UserRole" | "Auditor" | "AccountAdmin" | "FullAdmin";

export interface ConnectDomain {
  id: string;
  name: string;
  description: string;
  isPrimary: boolean;
}

export interface ConnectUser {
  id: string;
  domainId: string;
  loginName: string;
  fullName: string;
  description: string;
  isEnabled: boolean;
  /** Write-only on the wire (IDL `[WRITE-ONLY]`): stored, never returned. */
  password: string;
  role: UserRoleType;
  emailAddresses: string[];
  consumedBytes: number;
  consumedItems: number;
  quotaMegaBytes: number;
  /** Unix seconds, 0 when the user never logged in. */
  lastLogin: number;
}

export type RemovalMethod = "UDeleteUser" | "UDeleteFolder" | "UMoveFolder";

/** What became of a removed user's mailbox; the tests (and curious users) read it from the store. */
export interface RemovalRecord {
  userId: string;
  loginName: string;
  domainId: string;
  method: RemovalMethod;
  /** Set for UMoveFolder: the user who received the mailbox. */
  targetUserId: string;
  /** Bytes left on disk without an owner (UDeleteUser), deleted (UDeleteFolder) or moved (UMoveFolder). */
  bytes: number;
}

export interface ConnectSeedOptions {
  domains: number;
  usersPerDomain: number;
}

const DOMAIN_NAMES = ["example.com", "example.org", "example.net", "branch.example.com", "shop.example.com"];

export class ConnectStore {
  readonly domains: ConnectDomain[] = [];
  /** Insertion order: the order `Users.get` lists users in when no orderBy is given. */
  readonly users = new Map<string, ConnectUser>();
  readonly removals: RemovalRecord[] = [];

  constructor(
    readonly random: Random,
    /** Active (enabled) users the licence allows over all domains; mutable while running. */
    public licenseUserLimit: number,
  ) {}

  domain(id: string): ConnectDomain | undefined {
    return this.domains.find((domain) => domain.id === id);
  }

  primaryDomain(): ConnectDomain {
    const primary = this.domains.find((domain) => domain.isPrimary) ?? this.domains[0];
    if (!primary) throw new Error("Kerio Connect simulator has no domain");
    return primary;
  }

  /** The licence counts enabled accounts only ("Disabled users are not counted", Domains.getUserCountInfo). */
  activeUserCount(domainId?: string): number {
    let count = 0;
    for (const user of this.users.values()) {
      if (user.isEnabled && (domainId === undefined || user.domainId === domainId)) count += 1;
    }
    return count;
  }

  findByLogin(domainId: string, loginName: string): ConnectUser | undefined {
    const wanted = loginName.toLowerCase();
    for (const user of this.users.values()) {
      if (user.domainId === domainId && user.loginName.toLowerCase() === wanted) return user;
    }
    return undefined;
  }

  newUserId(domain: ConnectDomain): string {
    const domainGuid = domain.id.slice("keriodb://domain/".length);
    return `keriodb://user/${domainGuid}/${seededGuid(this.random)}`;
  }
}

export function seedConnect(
  random: Random,
  options: ConnectSeedOptions,
  licenseUserLimit: number,
): ConnectStore {
  const store = new ConnectStore(random, licenseUserLimit);
  for (let index = 0; index < options.domains; index += 1) {
    const name = DOMAIN_NAMES[index] ?? `domain${index + 1}.example.com`;
    store.domains.push({
      id: `keriodb://domain/${seededGuid(random)}`,
      name,
      description: index === 0 ? "Primary mail domain" : `Mail domain ${name}`,
      isPrimary: index === 0,
    });
  }
  for (const domain of store.domains) {
    const uniqueLogin = createLoginAllocator();
    for (let index = 0; index < options.usersPerDomain; index += 1) {
      const person = randomPerson(random);
      const loginName = uniqueLogin(person.login);
      const roleRoll = random.next();
      const id = store.newUserId(domain);
      store.users.set(id, {
        id,
        domainId: domain.id,
        loginName,
        fullName: person.fullName,
        description: randomDepartment(random),
        isEnabled: !random.chance(0.1),
        password: random.hex(12),
        role: roleRoll < 0.03 ? "FullAdmin" : roleRoll < 0.06 ? "AccountAdmin" : "UserRole",
        emailAddresses: random.chance(0.2) ? [`${person.first.toLowerCase()}@${domain.name}`] : [],
        consumedBytes: random.int(0, 4_000) * 1024 * 1024 + random.int(0, 1023) * 1024,
        consumedItems: random.int(0, 40_000),
        quotaMegaBytes: random.chance(0.3) ? random.pick([1024, 2048, 5120]) : 0,
        lastLogin: random.chance(0.85) ? 1_700_000_000 + random.int(0, 30_000_000) : 0,
      });
    }
  }
  return store;
}
