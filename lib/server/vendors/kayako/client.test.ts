import { describe, expect, it } from "vitest";
import type { HttpClient, HttpRequest, HttpResponse } from "@/lib/server/http/client";
import { KayakoClient } from "./client";
import { kayakoSignature } from "./sign";

function fakeHttp(status: number, body: string) {
  const sent: HttpRequest[] = [];
  const http = {
    async request(request: HttpRequest): Promise<HttpResponse> {
      sent.push(request);
      return {
        status,
        headers: {},
        body: Buffer.from(body),
        text: () => body,
        header: () => undefined,
        serverDate: () => null,
      };
    },
  } as unknown as HttpClient;
  return { http, sent };
}

const credentials = { apiKey: "key", secretKey: "s3cr+t/==" };
const OK = '<?xml version="1.0" encoding="UTF-8"?>\n<posts>\n</posts>';

describe("KayakoClient", () => {
  it("signs POST in the form body, URL-encoded once, and never in the query", async () => {
    const { http, sent } = fakeHttp(200, OK);
    await new KayakoClient(http, credentials).post("/Tickets/TicketPost", { contents: "a+b & c" }, "a reply");
    const request = sent[0];
    if (!request) throw new Error("nothing sent");
    expect(request.query).toEqual({ e: "/Tickets/TicketPost" });
    expect(request.headers?.["content-type"]).toBe("application/x-www-form-urlencoded");
    const form = new URLSearchParams(String(request.body));
    expect(form.get("contents")).toBe("a+b & c");
    expect(form.get("apikey")).toBe("key");
    const salt = form.get("salt") ?? "";
    expect(form.get("signature")).toBe(kayakoSignature(credentials.secretKey, salt));
    // Raw `+` would reach PHP as a space: it must travel as %2B.
    expect(String(request.body)).not.toMatch(/signature=[^&]*[+/=]/);
  });

  it("signs GET in the query with a fresh salt each time", async () => {
    const { http, sent } = fakeHttp(200, OK);
    const client = new KayakoClient(http, credentials);
    await client.get("/Base/Department", "departments");
    await client.get("/Base/Department", "departments");
    const [first = {}, second = {}] = sent.map((r) => r.query as Record<string, string>);
    expect(first.e).toBe("/Base/Department");
    expect(first.signature).toBe(kayakoSignature(credentials.secretKey, first.salt ?? ""));
    expect(first.salt).not.toBe(second.salt);
  });

  it("maps 401 to rejected keys and 403 to a disabled API", async () => {
    await expect(
      new KayakoClient(fakeHttp(401, "FAILED TO AUTHENTICATE").http, credentials).get("/Base/Staff", "staff"),
    ).rejects.toThrow(/rejected the API key or secret key \(FAILED TO AUTHENTICATE\)/);
    await expect(
      new KayakoClient(fakeHttp(403, "").http, credentials).get("/Base/Staff", "staff"),
    ).rejects.toThrow(/REST API is disabled in Kayako/);
  });

  it("maps plain-text 400 and 404 answers served as XML to readable errors", async () => {
    await expect(
      new KayakoClient(fakeHttp(404, "Ticket not Found").http, credentials).get(
        "/Tickets/Ticket/9",
        "ticket 9",
      ),
    ).rejects.toMatchObject({ status: 404, message: "Kayako: Ticket not Found (ticket 9)." });
    await expect(
      new KayakoClient(fakeHttp(400, "Staff ID is Invalid").http, credentials).post(
        "/Tickets/TicketPost",
        {},
        "the reply",
      ),
    ).rejects.toMatchObject({ status: 422, vendorMessage: "Staff ID is Invalid" });
  });

  it("reports PHP's uncaught exceptions (HTTP 200) as failures", async () => {
    const page = "Uncaught Exception\nToo few arguments to function ListAll()";
    await expect(
      new KayakoClient(fakeHttp(200, page).http, credentials).get(
        "/Tickets/Ticket/ListAll",
        "the ticket list",
      ),
    ).rejects.toThrow(/failed on the ticket list: Uncaught Exception/);
  });
});
