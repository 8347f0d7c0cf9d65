import { describe, expect, it, vi } from "vitest";
import { quoted } from "@/lib/i18n/api-messages/text";

/** Two copies of the error modules, as Next loads them for a route handler and for the start-up runners. */
async function twoCopies() {
  const first = await import("./vendor-error");
  const firstApi = await import("./api-error");
  vi.resetModules();
  const second = await import("./vendor-error");
  return { first, firstApi, second };
}

describe("instanceof across copies of the error modules", () => {
  it("recognises an error thrown by another copy of its class, and of its parent", async () => {
    const { first, firstApi, second } = await twoCopies();
    expect(second.VendorError).not.toBe(first.VendorError);
    const thrown = new second.VendorError("unreachable", quoted("Kiwire at host:443 closed the connection"));
    expect(thrown instanceof first.VendorError).toBe(true);
    expect(thrown instanceof firstApi.ApiError).toBe(true);
  });

  it("does not take a parent for its subclass, nor another error for either", async () => {
    const { first, firstApi } = await twoCopies();
    expect(new firstApi.ApiError(404, "not_found", quoted("gone")) instanceof first.VendorError).toBe(false);
    expect(new Error("plain") instanceof firstApi.ApiError).toBe(false);
  });
});
