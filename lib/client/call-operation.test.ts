import { afterEach, describe, expect, expectTypeOf, it, vi } from "vitest";
import type { ExtensionPageSchema } from "@/lib/api/kerio-extensions";
import { OPERATIONS } from "@/lib/api/operations";
import { ROUTES } from "@/lib/api/routes";
import { callOperation, type OperationInput, type OperationResult, operationUrl } from "./call-operation";

afterEach(() => {
  vi.unstubAllGlobals();
});

describe("ROUTES", () => {
  it("holds exactly the published operations, each with the method and path the operation serves", () => {
    expect(Object.keys(ROUTES).sort()).toEqual(OPERATIONS.map((operation) => operation.operationId).sort());
    for (const operation of OPERATIONS) {
      expect({ method: operation.method, path: operation.path }).toEqual(ROUTES[operation.operationId]);
    }
  });
});

describe("operationUrl", () => {
  it("fills and encodes path parameters", () => {
    expect(operationUrl("getExtension", { params: { connectionId: "pbx-1", number: "10/2" } })).toBe(
      "/api/v1/kerio/pbx-1/extensions/10%2F2",
    );
  });

  it("writes the query and leaves out what is empty", () => {
    const url = operationUrl("listTickets", {
      params: { connectionId: "desk" },
      query: { page: 2, q: "", owner: "unassigned", status: undefined },
    });
    expect(url).toBe("/api/v1/kayako/desk/tickets?page=2&owner=unassigned");
  });

  it("refuses a missing path parameter instead of calling a wrong URL", () => {
    expect(() => operationUrl("getExtension", { params: { connectionId: "pbx-1", number: "" } })).toThrow(
      /number is missing/,
    );
  });
});

describe("callOperation", () => {
  it("sends the route's method and the body as JSON, and answers the parsed body", async () => {
    const fetch = vi.fn(async () => Response.json({ code: "AB12" }));
    vi.stubGlobal("fetch", fetch);
    const answer = await callOperation("deleteVoucher", { params: { connectionId: "spot", code: "AB12" } });
    expect(answer).toEqual({ code: "AB12" });
    expect(fetch).toHaveBeenCalledWith("/api/v1/kiwire/spot/vouchers/AB12", {
      method: "DELETE",
      headers: undefined,
      body: undefined,
      signal: undefined,
    });

    fetch.mockClear();
    await callOperation("createVouchers", {
      params: { connectionId: "spot" },
      body: { quantity: 2, profile: "day" },
    });
    expect(fetch).toHaveBeenCalledWith("/api/v1/kiwire/spot/vouchers", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ quantity: 2, profile: "day" }),
      signal: undefined,
    });
  });

  it("turns the console's error body into an error that keeps the code, the field details and the request id", async () => {
    vi.stubGlobal("fetch", async () =>
      Response.json(
        {
          error: {
            code: "validation_failed",
            message: "Invalid body — number: An extension number is 1–10 digits",
            details: [{ field: "number", message: "An extension number is 1–10 digits" }],
            requestId: "req-12345678",
          },
        },
        { status: 422 },
      ),
    );
    const call = callOperation("createExtension", {
      params: { connectionId: "pbx" },
      body: { number: "x" },
    });
    await expect(call).rejects.toMatchObject({
      status: 422,
      code: "validation_failed",
      requestId: "req-12345678",
    });
    await call.catch((error: { fieldErrors(): Record<string, string> }) =>
      expect(error.fieldErrors()).toEqual({ number: "An extension number is 1–10 digits" }),
    );
  });

  it("is typed from the operation's schemas", () => {
    expectTypeOf<OperationResult<"listExtensions">>().toEqualTypeOf<
      import("zod").output<typeof ExtensionPageSchema>
    >();
    expectTypeOf<OperationInput<"listExtensions">["params"]>().toEqualTypeOf<{ connectionId: string }>();
    // Coerced query fields are given as what they become.
    expectTypeOf<NonNullable<OperationInput<"listExtensions">["query"]>["page"]>().toEqualTypeOf<
      number | undefined
    >();
    expectTypeOf<OperationInput<"createVouchers">["body"]>()
      .toHaveProperty("quantity")
      .toEqualTypeOf<number>();
  });
});
