/**
 * What the QR code on a printed voucher holds, set per Kiwire connection: the voucher code alone (a guest
 * types or scans it into the portal), or the hotspot portal's login URL with the code in it, so a scan opens
 * the portal signed in. Plain data and checks, free of zod: the print view (browser) and the connection
 * schema (server) share them.
 */

import { msg } from "@/lib/i18n/api-messages/text";

export const VOUCHER_QR_CONTENTS = ["code", "portal-url"] as const;
export type VoucherQrContent = (typeof VOUCHER_QR_CONTENTS)[number];

export type VoucherQrSetting = { content: "code" } | { content: "portal-url"; template: string };

export const DEFAULT_VOUCHER_QR: VoucherQrSetting = { content: "code" };

/** Where the voucher code goes in a portal URL template. */
export const CODE_PLACEHOLDER = "{code}";

/** Longer URLs make a QR code too dense to scan from a small card. */
export const PORTAL_TEMPLATE_MAX_LENGTH = 512;

const EXAMPLE = `https://portal.example.com/login?voucher=${CODE_PLACEHOLDER}`;

/** Why a portal URL template cannot be used, in words an admin can act on, or null when it can. */
export function portalTemplateProblem(template: string): string | null {
  if (template === "") return msg`Enter the portal URL, e.g. ${EXAMPLE}`;
  if (template.length > PORTAL_TEMPLATE_MAX_LENGTH) {
    return msg`At most ${PORTAL_TEMPLATE_MAX_LENGTH} characters: a longer URL makes the QR code too dense to scan`;
  }
  if (!template.includes(CODE_PLACEHOLDER)) {
    return msg`Put ${CODE_PLACEHOLDER} where the voucher code goes, e.g. ${EXAMPLE}`;
  }
  if (!URL.canParse(template))
    return msg`Enter a full URL starting with https:// or http://, e.g. ${EXAMPLE}`;
  const url = new URL(template);
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    return msg`The portal URL must start with https:// or http://`;
  }
  // Printed on every voucher: a password here would be handed to every guest.
  if (url.username || url.password) return msg`Leave user names and passwords out of the portal URL`;
  if (url.host.includes(CODE_PLACEHOLDER)) {
    return msg`Put ${CODE_PLACEHOLDER} in the path or the query, not in the host name`;
  }
  return null;
}

/** What the voucher's QR code encodes: the code, or the template with the code URL-encoded into it. */
export function voucherQrContent(setting: VoucherQrSetting, code: string): string {
  if (setting.content === "code") return code;
  return setting.template.replaceAll(CODE_PLACEHOLDER, encodeURIComponent(code));
}
