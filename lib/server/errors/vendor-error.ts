import "server-only";
import type { CertificateDto } from "@/lib/api/connections";
import type { TestOutcome } from "@/lib/connection-kinds";
import type { Message } from "@/lib/i18n/api-messages/text";
import { ApiError, ERROR_KIND } from "./api-error";

/** Errors from vendor clients carry the vendor's words for the audit log; they extend ApiError. */
export interface HasVendorMessage {
  vendorMessage?: string;
}

export interface VendorErrorOptions {
  /** HTTP status the console answers with when this reaches a route handler; 502 unless a timeout (504). */
  status?: number;
  /** The vendor's own words, kept for the audit log. */
  vendorMessage?: string;
  /** The certificate the server presented, when the failure is about it. */
  certificate?: CertificateDto;
  cause?: unknown;
}

/**
 * A failure talking to an appliance, classified once at the edge (transport or vendor adapter) so the UI,
 * the health check and the API can all say what happened and what to do. Messages never contain URLs with
 * query strings or anything else that could carry a secret.
 */
export class VendorError extends ApiError implements HasVendorMessage {
  static readonly [ERROR_KIND] = "VendorError";
  readonly outcome: TestOutcome;
  readonly vendorMessage?: string;
  readonly certificate?: CertificateDto;

  constructor(outcome: TestOutcome, message: Message, options: VendorErrorOptions = {}) {
    super(options.status ?? (outcome === "timeout" ? 504 : 502), `vendor_${outcome}`, message);
    this.name = "VendorError";
    this.outcome = outcome;
    this.vendorMessage = options.vendorMessage;
    this.certificate = options.certificate;
    if (options.cause !== undefined) this.cause = options.cause;
  }
}
