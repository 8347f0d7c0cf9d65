import "server-only";
import { type TextValue, text } from "@/lib/i18n/api-messages/text";
import { VendorError } from "@/lib/server/errors/vendor-error";
import type { HttpClient, HttpResponse } from "@/lib/server/http/client";
import { type KayakoCredentials, refusalOf } from "./session";
import { signedParams } from "./sign";
import { parseKayakoXml, type XmlNode } from "./xml";

export type KayakoFields = Record<string, string | number>;

/**
 * The signed Kayako REST client of one connection. GET puts apikey, salt and signature in the query; POST and
 * PUT put them in the form body, because the server reads writes' parameters from `$_POST` only
 * (kayako-notes §2). URLSearchParams encodes the signature's `+`, `/` and `=` once, as PHP expects.
 */
export class KayakoClient {
  constructor(
    private readonly http: HttpClient,
    private readonly credentials: KayakoCredentials,
  ) {}

  async get(route: string, what: TextValue): Promise<XmlNode> {
    const response = await this.http.request({
      method: "GET",
      path: "",
      query: { e: route, ...this.signed() },
      headers: { accept: "text/xml, application/xml" },
    });
    return this.parse(response, what);
  }

  post(route: string, fields: KayakoFields, what: TextValue): Promise<XmlNode> {
    return this.write("POST", route, fields, what);
  }

  put(route: string, fields: KayakoFields, what: TextValue): Promise<XmlNode> {
    return this.write("PUT", route, fields, what);
  }

  /** Searches are POSTs that change nothing, so they may be retried like reads. */
  search(route: string, fields: KayakoFields, what: TextValue): Promise<XmlNode> {
    return this.write("POST", route, fields, what, true);
  }

  private async write(
    method: "POST" | "PUT",
    route: string,
    fields: KayakoFields,
    what: TextValue,
    idempotent = false,
  ): Promise<XmlNode> {
    const form = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) form.set(name, String(value));
    for (const [name, value] of Object.entries(this.signed())) form.set(name, value);
    const response = await this.http.request({
      method,
      path: "",
      query: { e: route },
      headers: {
        accept: "text/xml, application/xml",
        "content-type": "application/x-www-form-urlencoded",
      },
      body: form.toString(),
      idempotent,
    });
    return this.parse(response, what);
  }

  private signed() {
    return signedParams(this.credentials.apiKey, this.credentials.secretKey);
  }

  private parse(response: HttpResponse, what: TextValue): XmlNode {
    const refusal = refusalOf(response);
    if (refusal) throw refusal;
    const answer = response.text();
    if (response.status === 404) {
      const said = plainText(answer);
      throw new VendorError("not_found", text`Kayako: ${said || text`not found`} (${what}).`, {
        status: 404,
        vendorMessage: said,
      });
    }
    if (response.status === 400) {
      const said = plainText(answer);
      throw new VendorError("unexpected_response", text`Kayako refused ${what}: ${said || "HTTP 400"}.`, {
        status: 422,
        vendorMessage: said,
      });
    }
    if (response.status !== 200) {
      throw new VendorError(
        "unexpected_response",
        text`Kayako answered HTTP ${response.status} to ${what}.`,
        {
          vendorMessage: plainText(answer),
        },
      );
    }
    // PHP's uncaught exceptions are HTTP 200 with a text page (simulator README, decision 3).
    if (!answer.includes("<?xml") && /Uncaught Exception/i.test(answer)) {
      const said = plainText(answer);
      throw new VendorError("unexpected_response", text`Kayako failed on ${what}: ${said}`, {
        vendorMessage: said,
      });
    }
    return parseKayakoXml(answer, what);
  }
}

function plainText(body: string): string {
  return body
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, 200);
}
