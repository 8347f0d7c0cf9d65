import type { Random } from "../shared/random";

/** Invented names for seeded data; mixed origins because Kerio appliances are sold worldwide. */
const FIRST_NAMES = [
  "Adam",
  "Alena",
  "Anna",
  "Bruno",
  "Carla",
  "David",
  "Dana",
  "Elias",
  "Eva",
  "Filip",
  "Greta",
  "Hana",
  "Ivan",
  "Jana",
  "Jakub",
  "Karel",
  "Klara",
  "Lukas",
  "Lena",
  "Marek",
  "Marta",
  "Nina",
  "Oskar",
  "Olga",
  "Petr",
  "Paula",
  "Radek",
  "Rita",
  "Simon",
  "Sara",
  "Tomas",
  "Tereza",
  "Viktor",
  "Vera",
  "Zdenek",
  "Zoe",
  "Amir",
  "Bea",
  "Chen",
  "Dilnoza",
  "Emre",
  "Farida",
  "Goran",
  "Hiro",
  "Ines",
  "Jamal",
  "Kamila",
  "Luis",
];

const LAST_NAMES = [
  "Novak",
  "Svoboda",
  "Dvorak",
  "Cerny",
  "Prochazka",
  "Kucera",
  "Vesely",
  "Horak",
  "Nemec",
  "Marek",
  "Pokorny",
  "Hajek",
  "Kral",
  "Jelinek",
  "Ruzicka",
  "Benes",
  "Fiala",
  "Sedlacek",
  "Dolezal",
  "Zeman",
  "Kolar",
  "Navratil",
  "Cermak",
  "Vanek",
  "Urban",
  "Blaha",
  "Kriz",
  "Kovac",
  "Muller",
  "Schmidt",
  "Rossi",
  "Garcia",
  "Silva",
  "Karimov",
  "Yilmaz",
  "Tanaka",
  "Nowak",
  "Ivanova",
  "Haddad",
  "Okafor",
];

const DEPARTMENTS = [
  "Sales",
  "Support",
  "Finance",
  "Reception",
  "Warehouse",
  "IT",
  "Marketing",
  "Management",
];

export interface Person {
  first: string;
  last: string;
  fullName: string;
  /** Lower-case ASCII `first.last`; pass it through `createLoginAllocator` to make it unique. */
  login: string;
}

export function randomPerson(random: Random): Person {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  return { first, last, fullName: `${first} ${last}`, login: `${first}.${last}`.toLowerCase() };
}

/**
 * Hands out unique logins: the first "anna.novak" stays as is, later ones become "anna.novak2", "anna.novak3"...
 * A counter per base keeps this O(1), which matters for benchmark-sized data. Base logins never end in a
 * digit, so a numbered login cannot collide with a base one.
 */
export function createLoginAllocator(): (login: string) => string {
  const counters = new Map<string, number>();
  return (login) => {
    const seen = counters.get(login) ?? 0;
    counters.set(login, seen + 1);
    return seen === 0 ? login : `${login}${seen + 1}`;
  };
}

export function randomDepartment(random: Random): string {
  return random.pick(DEPARTMENTS);
}

/** A UUID-shaped id from the seeded generator (Kerio ids embed GUIDs: `keriodb://user/<guid>/<guid>`). */
export function seededGuid(random: Random): string {
  const hex = random.hex(32);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** SIP passwords as the admin UI makes them: 16 upper/lower-case letters and digits (notes §4.2, S10). */
export function sipPassword(random: Random): string {
  let out = "";
  for (let i = 0; i < 16; i += 1) out += ALNUM[random.int(0, ALNUM.length - 1)];
  return out;
}
