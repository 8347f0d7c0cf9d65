import { z } from "zod";
import { ConnectionIdParams } from "./connections";
import { defineOperation } from "./operation";

/**
 * Connection diagnostics: the last exchanges the console had with an appliance, for an admin to read or to
 * send along when a real appliance behaves in a way nobody foresaw. Everything in them is redacted on the
 * server before it is stored (lib/server/diagnostics/redact-exchange.ts).
 */

export const ExchangeBodySchema = z.object({
  text: z
    .string()
    .describe("The body with every secret replaced by [redacted], cut at 4 KiB; empty for binary data"),
  bytes: z.number().int().describe("Size of the whole body on the wire"),
  truncated: z.boolean().describe("True when `text` is only the first 4 KiB (or the body was not shown)"),
  binary: z.boolean().describe("True for data that is not text (a gzip file, say): only its size is kept"),
});
export type ExchangeBodyDto = z.infer<typeof ExchangeBodySchema>;

const HeadersSchema = z
  .record(z.string(), z.string())
  .describe("Header names in lower case, secrets redacted");

export const ConnectionExchangeSchema = z.object({
  id: z.string(),
  at: z.string().describe("When the request was sent (ISO 8601, UTC)"),
  durationMs: z.number().int().describe("From sending to the last byte of the answer, or to the failure"),
  method: z.string(),
  path: z.string().describe("Path and query as sent, secrets redacted"),
  status: z.number().int().nullable().describe("HTTP status; null when no answer came"),
  failure: z
    .string()
    .nullable()
    .describe("Why no answer came (e.g. ECONNREFUSED, UND_ERR_HEADERS_TIMEOUT); null with an answer"),
  request: z.object({ headers: HeadersSchema, body: ExchangeBodySchema.nullable() }),
  response: z.object({ headers: HeadersSchema, body: ExchangeBodySchema }).nullable(),
});
export type ConnectionExchangeDto = z.infer<typeof ConnectionExchangeSchema>;

export const ConnectionExchangesSchema = z.object({
  connectionId: z.string(),
  items: z.array(ConnectionExchangeSchema).describe("Newest first, at most 50"),
});
export type ConnectionExchangesDto = z.infer<typeof ConnectionExchangesSchema>;

export const ConnectionExchangesQuery = z.strictObject({
  download: z
    .enum(["true"])
    .optional()
    .describe("`true` answers the same list as a JSON file to save (Content-Disposition: attachment)"),
});

export const listConnectionExchanges = defineOperation({
  operationId: "listConnectionExchanges",
  summary:
    "The connection's last 50 exchanges with its appliance, newest first, with every secret redacted (diagnostics)",
  tag: "Connections",
  permission: "connections.manage",
  params: ConnectionIdParams,
  query: ConnectionExchangesQuery,
  response: ConnectionExchangesSchema,
});
