/**
 * Every string the simulator answers with when it refuses something.
 *
 * `KIWIRE_ERRORS` are the vendor's own strings, copied character for character from the "List of Error
 * Message" table of the Kiwire 2.0 API document (notes D11: emit the exact doc strings). The console matches
 * on them, so they must never be reworded here.
 *
 * `SIMULATOR_ERRORS` cover refusals the document never names (a missing parameter, a duplicate username...).
 * They are our invention (notes §7: the real strings are unknown); they are kept short, lower-case and in the
 * vendor's style so a console that maps the documented strings falls back to showing them verbatim.
 */
export const KIWIRE_ERRORS = {
  permissionDenied: "permission denied",
  loginExpired: "login expired. please complete the api login again",
  provideFullUrl: "please provide full url",
  invalidApiKey: "invalid api key",
  apiDisabled: "api integration is currently disabled",
  moduleNotExisted: "module not existed",
  moduleDisabled: "module disabled",
  noCloudId: "no tenant / cloud id provided",
  cloudIdNotFound: "cloud id not found",
  cloudIdNotAvailable: "cloud id not available",
  notValidUser: "not valid user",
} as const;

export type KiwireErrorMessage = (typeof KIWIRE_ERRORS)[keyof typeof KIWIRE_ERRORS];

/** Invented refusals for cases the document is silent about (see README, "Invented strings"). */
export const SIMULATOR_ERRORS = {
  missingParameter: (name: string) => `missing parameter: ${name}`,
  invalidParameter: (name: string) => `invalid parameter: ${name}`,
  alreadyExisted: (what: string) => `${what} already existed`,
  notFound: (what: string) => `${what} not found`,
  quantityOutOfRange: (max: number) => `qty must be between 1 and ${max}`,
} as const;

/** The HTTP status of a refusal under `refusalStatus: "by-cause"` (an invented mapping: none is documented). */
export function refusalHttpStatus(error: string): number {
  if (error === KIWIRE_ERRORS.loginExpired || error === KIWIRE_ERRORS.invalidApiKey) return 401;
  if (error === KIWIRE_ERRORS.notValidUser) return 401;
  if (
    error === KIWIRE_ERRORS.permissionDenied ||
    error === KIWIRE_ERRORS.apiDisabled ||
    error === KIWIRE_ERRORS.moduleDisabled ||
    error === KIWIRE_ERRORS.cloudIdNotAvailable
  ) {
    return 403;
  }
  if (
    error === KIWIRE_ERRORS.moduleNotExisted ||
    error === KIWIRE_ERRORS.cloudIdNotFound ||
    error.endsWith(" not found")
  ) {
    return 404;
  }
  if (error.endsWith(" already existed")) return 409;
  return 400;
}
