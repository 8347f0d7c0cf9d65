import "server-only";
import { isIP } from "node:net";
import { type Text, text } from "@/lib/i18n/api-messages/text";

/**
 * Where the console may send a connection's secrets. A connection's address is typed by an admin (or read
 * from the connections file), so a stolen admin session could otherwise point the stored Kerio password or
 * Kayako key at the cloud provider's metadata service, which answers anyone on the host with credentials of
 * its own. Link-local and metadata addresses are never an appliance; loopback is one only when the
 * deployment says so (the simulators of the demo and the tests listen on 127.0.0.1).
 *
 * The same rule is applied twice: to the address as saved (literal addresses and the metadata services'
 * well-known names) and to the address the name resolves to when the socket is opened, so a DNS name that
 * points at 169.254.169.254 is refused too.
 */

export interface AddressPolicy {
  allowLoopback: boolean;
}

/** The providers' documented metadata names; each resolves to a link-local address inside that cloud. */
const METADATA_NAMES = new Set([
  "metadata",
  "metadata.google.internal",
  "metadata.goog",
  "metadata.azure.internal",
  "metadata.azure.com",
  "instance-data",
  "instance-data.ec2.internal",
  "metadata.tencentyun.com",
  "metadata.oraclecloud.com",
]);

/** Metadata services outside the link-local ranges: AWS over IPv6, Alibaba Cloud. */
const METADATA_ADDRESSES = new Set(["fd00:ec2:0:0:0:0:0:254", "100.100.100.200"]);

type AddressClass = "loopback" | "link-local" | "metadata" | "unspecified" | null;

function ipv4Octets(address: string): number[] {
  return address.split(".").map(Number);
}

/** The eight 16-bit groups of an IPv6 address, `::` expanded and an embedded IPv4 tail converted. */
function ipv6Groups(address: string): number[] {
  let text = address.toLowerCase().split("%")[0] ?? "";
  const tail = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail?.[1]) {
    const [a = 0, b = 0, c = 0, d = 0] = ipv4Octets(tail[1]);
    text = `${text.slice(0, -tail[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", rest] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = rest ? rest.split(":") : [];
  const missing = rest === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill("0"), ...right].map((group) => Number.parseInt(group, 16));
}

function classifyIpv4(address: string): AddressClass {
  const [a, b] = ipv4Octets(address);
  if (METADATA_ADDRESSES.has(address) || address === "169.254.169.254") return "metadata";
  if (a === 127) return "loopback";
  // 0.0.0.0 reaches this host's own services, as loopback does.
  if (a === 0) return "unspecified";
  if (a === 169 && b === 254) return "link-local";
  return null;
}

function classifyIpv6(address: string): AddressClass {
  const groups = ipv6Groups(address);
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  if (METADATA_ADDRESSES.has(groups.map((group) => group.toString(16)).join(":"))) return "metadata";
  // ::ffff:a.b.c.d reaches the IPv4 address: judge it as that address.
  if (g0 === 0 && g1 === 0 && g2 === 0 && g3 === 0 && g4 === 0 && g5 === 0xffff) {
    return classifyIpv4(`${g6 >> 8}.${g6 & 0xff}.${g7 >> 8}.${g7 & 0xff}`);
  }
  const allZero = groups.slice(0, 7).every((group) => group === 0);
  if (allZero && g7 === 1) return "loopback";
  if (allZero && g7 === 0) return "unspecified";
  if ((g0 & 0xffc0) === 0xfe80) return "link-local";
  return null;
}

/** What kind of forbidden address this is (an IP literal or a host name), or null when it may be used. */
export function classifyAddress(host: string): AddressClass {
  const bare = host
    .replace(/^\[|\]$/g, "")
    .replace(/\.$/, "")
    .toLowerCase();
  const family = isIP(bare);
  if (family === 4) return classifyIpv4(bare);
  if (family === 6) return classifyIpv6(bare);
  if (METADATA_NAMES.has(bare)) return "metadata";
  // RFC 6761: localhost and its subdomains always resolve to loopback.
  if (bare === "localhost" || bare.endsWith(".localhost")) return "loopback";
  return null;
}

/**
 * Why the console refuses to connect to `host`, in words for an admin, or null when it may. Names other
 * than the metadata and localhost names pass here; their resolved addresses are checked at connect time.
 */
export function addressRefusal(host: string, policy: AddressPolicy): Text | null {
  const bare = host.replace(/^\[|\]$/g, "");
  switch (classifyAddress(host)) {
    case "metadata":
      return text`${bare} is a cloud metadata service, not an appliance: the console never sends credentials there.`;
    case "link-local":
      return text`${bare} is a link-local address (169.254.0.0/16, fe80::/10), where cloud metadata services answer: the console never sends credentials there.`;
    case "loopback":
    case "unspecified":
      return policy.allowLoopback
        ? null
        : text`${bare} is this machine itself (loopback): the console only connects there when the deployment sets ALLOW_LOOPBACK_CONNECTIONS=1.`;
    case null:
      return null;
  }
}
