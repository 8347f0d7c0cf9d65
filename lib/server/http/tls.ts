import "server-only";
import { type LookupAddress, lookup } from "node:dns";
import type { LookupFunction } from "node:net";
import { type PeerCertificate, rootCertificates, TLSSocket } from "node:tls";
import { buildConnector } from "undici";
import type { CertificateDto, TlsSettings } from "@/lib/api/connections";
import { type Text, text } from "@/lib/i18n/api-messages/text";
import { serverConfig } from "@/lib/server/config/config";
import { VendorError } from "@/lib/server/errors/vendor-error";
import { type AddressPolicy, addressRefusal } from "./address-policy";

/** `subject`/`issuer` as one line, CN first, the way an admin compares them with a browser's view. */
function distinguishedName(name: PeerCertificate["subject"] | undefined): string {
  if (!name) return "";
  const entries = Object.entries(name).flatMap(([key, value]) =>
    (Array.isArray(value) ? value : [value]).map((item) => `${key}=${item}`),
  );
  return entries.sort((a, b) => Number(b.startsWith("CN=")) - Number(a.startsWith("CN="))).join(", ");
}

export function describeCertificate(socket: TLSSocket): CertificateDto | null {
  const certificate = socket.getPeerCertificate();
  if (!certificate?.fingerprint256) return null;
  const subject = distinguishedName(certificate.subject);
  const issuer = distinguishedName(certificate.issuer);
  const problem = socket.authorized ? null : String(socket.authorizationError ?? "UNKNOWN");
  return {
    fingerprint256: certificate.fingerprint256.toUpperCase(),
    subject,
    issuer,
    validFrom: certificate.valid_from,
    validTo: certificate.valid_to,
    selfSigned: subject === issuer,
    trusted: socket.authorized,
    problem,
  };
}

/** OpenSSL's verification codes, in words an admin can act on. */
function explainProblem(problem: string | null): Text {
  switch (problem) {
    case "DEPTH_ZERO_SELF_SIGNED_CERT":
    case "SELF_SIGNED_CERT_IN_CHAIN":
      return text`it is self-signed`;
    case "UNABLE_TO_GET_ISSUER_CERT_LOCALLY":
    case "UNABLE_TO_VERIFY_LEAF_SIGNATURE":
      return text`it was issued by a CA the console does not know`;
    case "CERT_HAS_EXPIRED":
      return text`it has expired`;
    case "CERT_NOT_YET_VALID":
      return text`it is not valid yet (check the clocks)`;
    case "ERR_TLS_CERT_ALTNAME_INVALID":
      return text`it was issued for another host name`;
    default:
      return text`verification failed (${problem ?? text`unknown reason`})`;
  }
}

/** Throws when the presented certificate is not acceptable under the connection's TLS mode. */
export function checkCertificate(tls: TlsSettings, certificate: CertificateDto | null): void {
  if (tls.mode === "insecure") return;
  if (!certificate) {
    throw new VendorError("tls_error", text`The server presented no certificate.`);
  }
  if (tls.mode === "pin") {
    if (certificate.fingerprint256 === tls.fingerprint256) return;
    throw new VendorError(
      "certificate_mismatch",
      text`The server's certificate does not match the pinned one: it presented ${certificate.fingerprint256}, the connection pins ${tls.fingerprint256}. If the appliance's certificate was renewed, pin the new one; otherwise something is intercepting the connection.`,
      { certificate },
    );
  }
  if (certificate.trusted) return;
  throw new VendorError(
    "certificate_untrusted",
    text`The server's certificate is not trusted: ${explainProblem(certificate.problem)}. Pin its fingerprint ${certificate.fingerprint256} if you recognise it, or add the issuing CA to the connection.`,
    { certificate },
  );
}

const NOT_SENT = Symbol("nothing of the request was sent");

/**
 * The connection failed while it was being opened (TCP or TLS handshake), so nothing of the request reached
 * the appliance: even a write may be sent again, and its failure says nothing about whether it was made.
 */
export function failedBeforeSending(error: unknown): boolean {
  return typeof error === "object" && error !== null && NOT_SENT in error;
}

export interface ConnectorOptions {
  tls: TlsSettings;
  connectTimeoutMs: number;
  /** Called with every certificate seen, accepted or not: the "test connection" result shows it. */
  onCertificate?: (certificate: CertificateDto | null) => void;
  /** Where sockets may go; the deployment's setting (ALLOW_LOOPBACK_CONNECTIONS) unless given. */
  addressPolicy?: AddressPolicy;
  /** The resolver (default `dns.lookup`); tests give one that answers what a hostile DNS server would. */
  resolve?: typeof lookup;
}

function addressRefused(message: Text): VendorError {
  return new VendorError("address_refused", message);
}

/**
 * `dns.lookup` that refuses a name resolving to an address the policy forbids, before any socket opens: the
 * address an admin saved is checked when saving, but a name can be pointed anywhere later. One forbidden
 * answer refuses the name, so mixing a good address in cannot smuggle the bad one through.
 */
function guardedLookup(policy: AddressPolicy, resolve: typeof lookup): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) {
        callback(error, "", 0);
        return;
      }
      for (const { address } of addresses) {
        const refusal = addressRefusal(address, policy);
        if (refusal) {
          callback(addressRefused(text`${hostname} resolves to ${refusal}`), "", 0);
          return;
        }
      }
      if (options.all) {
        (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(null, addresses);
        return;
      }
      const [first] = addresses;
      if (!first)
        callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "", 0);
      else callback(null, first.address, first.family);
    });
  };
}

/**
 * An undici connector that completes the TLS handshake without Node's built-in rejection and then applies
 * the connection's own rule: `verify` requires a chain trusted by the system CAs (plus the optional CA) and
 * a matching host name, `pin` requires the exact SHA-256 fingerprint, `insecure` accepts anything. Deciding
 * here, before undici writes a byte, lets a refused certificate still be described to the admin.
 */
export function tlsConnector(options: ConnectorOptions): buildConnector.connector {
  const { tls } = options;
  const policy = options.addressPolicy ?? { allowLoopback: serverConfig().ALLOW_LOOPBACK_CONNECTIONS };
  const base = buildConnector({
    lookup: guardedLookup(policy, options.resolve ?? lookup),
    timeout: options.connectTimeoutMs,
    rejectUnauthorized: false,
    ...(tls.mode === "verify" && tls.ca && { ca: [...rootCertificates, tls.ca] }),
    // A resumed TLS session presents no certificate to check (or pin) again: every socket does a full
    // handshake. Keep-alive pooling makes that rare.
    maxCachedSessions: 0,
  });
  return (connectOptions, callback) => {
    // An address literal is not looked up: judge it here. Names go through guardedLookup.
    const refusal = addressRefusal(connectOptions.hostname, policy);
    if (refusal) {
      callback(addressRefused(refusal), null);
      return;
    }
    base(connectOptions, (error, socket) => {
      if (error || !socket) {
        callback(Object.assign(error ?? new Error("connect failed"), { [NOT_SENT]: true }), null);
        return;
      }
      if (!(socket instanceof TLSSocket)) {
        callback(null, socket);
        return;
      }
      const certificate = describeCertificate(socket);
      options.onCertificate?.(certificate);
      try {
        checkCertificate(tls, certificate);
      } catch (refusal) {
        socket.destroy();
        callback(refusal as Error, null);
        return;
      }
      callback(null, socket);
    });
  };
}
