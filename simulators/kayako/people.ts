import type { Random } from "../shared/random";
import { SALUTATIONS } from "./catalog";
import type { Organization, Staff, User } from "./model";
import {
  CITIES,
  COMPANY_SUFFIXES,
  COMPANY_WORDS,
  FIRST_NAMES,
  LAST_NAMES,
  STAFF_DESIGNATIONS,
  STREETS,
  TIMEZONES,
  USER_DESIGNATIONS,
} from "./names";

/**
 * Staff, organisations and users. These are small (dozens to a few thousand), so they are generated
 * eagerly, each from its own random stream: changing the number of users does not reshuffle the staff.
 */

const DAY = 86_400;

/** Lower-case ASCII slug for e-mail local parts and domains ("Zoë O'Brien" → "zoe-obrien"). */
export function slug(value: string, separator = "-"): string {
  return value
    .toLowerCase()
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ł/g, "l")
    .replace(/ø/g, "o")
    .replace(/ı/g, "i")
    .replace(/['’]/g, "")
    .replace(/[^a-z0-9]+/g, separator)
    .replace(new RegExp(`^\\${separator}+|\\${separator}+$`, "g"), "");
}

function phoneNumber(random: Random): string {
  return `+39 0${random.int(2, 9)}${random.int(1000000, 9999999)}`;
}

export function generateStaff(random: Random, count: number): Staff[] {
  const staff: Staff[] = [];
  const userNames = new Set<string>();
  for (let id = 1; id <= count; id++) {
    const firstName = id === 1 ? "Admin" : random.pick(FIRST_NAMES);
    const lastName = id === 1 ? "Helpdesk" : random.pick(LAST_NAMES);
    let userName = id === 1 ? "admin" : `${slug(firstName, "")}.${slug(lastName, "")}`;
    while (userNames.has(userName)) userName = `${userName}${random.int(1, 9)}`;
    userNames.add(userName);
    const fullName = `${firstName} ${lastName}`;
    staff.push({
      id,
      staffGroupId: id === 1 || id % 10 === 0 ? 1 : 2,
      firstName,
      lastName,
      fullName,
      userName,
      email: `${userName}@helpdesk.example.com`,
      designation: id === 1 ? "Administrator" : random.pick(STAFF_DESIGNATIONS),
      greeting: random.chance(0.5) ? `Hi, this is ${firstName}` : "",
      mobileNumber: random.chance(0.6) ? phoneNumber(random) : "",
      // A couple of disabled accounts: they still own old tickets, as in a real helpdesk.
      isEnabled: id > 3 && id % 11 === 0 ? 0 : 1,
      timezone: random.pick(TIMEZONES),
      enableDst: 1,
      signature: `${fullName}\n${id === 1 ? "Administrator" : "Support Team"}`,
    });
  }
  return staff;
}

export function generateOrganizations(random: Random, count: number, anchor: number): Organization[] {
  const organizations: Organization[] = [];
  const names = new Set<string>();
  for (let id = 1; id <= count; id++) {
    let name = `${random.pick(COMPANY_WORDS)} ${random.pick(COMPANY_SUFFIXES)}`;
    if (names.has(name)) name = `${name} ${id}`;
    names.add(name);
    const [city, state, country] = random.pick(CITIES);
    const created = anchor - random.int(200, 2000) * DAY;
    organizations.push({
      id,
      name,
      type: random.chance(0.25) ? "shared" : "restricted",
      address: `${random.pick(STREETS)} ${random.int(1, 200)}`,
      city,
      state,
      postalCode: String(random.int(10000, 99999)),
      country,
      phone: phoneNumber(random),
      fax: random.chance(0.3) ? phoneNumber(random) : "",
      website: random.chance(0.7) ? `https://www.${organizationDomain(name)}` : "",
      dateline: created,
      lastUpdate: created + random.int(0, 150) * DAY,
      slaPlanId: random.chance(0.2) ? 2 : 0,
      slaPlanExpiry: 0,
    });
  }
  return organizations;
}

export function organizationDomain(name: string): string {
  return `${slug(name)}.example`;
}

const FREE_MAIL = ["mail.example", "example.com", "example.net", "example.org"];

export function generateUsers(
  random: Random,
  count: number,
  organizations: readonly Organization[],
  anchor: number,
): User[] {
  const users: User[] = [];
  const emails = new Set<string>();
  const uniqueEmail = (local: string, domain: string) => {
    let candidate = `${local}@${domain}`;
    for (let n = 2; emails.has(candidate); n++) candidate = `${local}${n}@${domain}`;
    emails.add(candidate);
    return candidate;
  };
  for (let id = 1; id <= count; id++) {
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    const organization = organizations.length > 0 && random.chance(0.75) ? random.pick(organizations) : null;
    const domain = organization ? organizationDomain(organization.name) : random.pick(FREE_MAIL);
    const local = `${slug(firstName, "")}.${slug(lastName, "")}`;
    const userEmails: string[] = [];
    // A few users have no e-mail at all (phone-only contacts): UserSearch can never find them (§4.7).
    if (!random.chance(0.03)) {
      userEmails.push(uniqueEmail(local, domain));
      if (random.chance(0.15)) userEmails.push(uniqueEmail(slug(firstName, ""), random.pick(FREE_MAIL)));
    }
    const created = anchor - random.int(1, 900) * DAY;
    const guest = random.chance(0.1);
    users.push({
      id,
      userGroupId: guest ? 2 : 1,
      role: !guest && organization && random.chance(0.1) ? "manager" : "user",
      organizationId: organization?.id ?? 0,
      salutation: random.chance(0.4) ? random.int(1, SALUTATIONS.length - 1) : 0,
      userExpiry: 0,
      fullName: `${firstName} ${lastName}`,
      emails: userEmails,
      designation: random.pick(USER_DESIGNATIONS),
      phone: random.chance(0.5) ? phoneNumber(random) : "",
      dateline: created,
      lastVisit: guest ? 0 : Math.min(anchor, created + random.int(0, 400) * DAY),
      isEnabled: random.chance(0.97) ? 1 : 0,
      timezone: random.chance(0.5) ? random.pick(TIMEZONES) : "",
      enableDst: random.chance(0.5) ? 1 : 0,
      slaPlanId: 0,
      slaPlanExpiry: 0,
    });
  }
  return users;
}
