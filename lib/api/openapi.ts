import { z } from "zod";
import { ROLE_PERMISSIONS, ROLES } from "@/lib/permissions";
import type { Operation } from "./operation";
import { OPERATIONS } from "./operations";

type JsonSchema = Record<string, unknown>;

const ErrorSchema = z.object({
  error: z.object({
    code: z.string().describe("Stable machine-readable code, e.g. validation_failed, forbidden"),
    message: z.string().describe("What went wrong and what to do, for a person"),
    details: z.array(z.object({ field: z.string().optional(), message: z.string() })).optional(),
    requestId: z
      .string()
      .describe("Also in the X-Request-Id header: quote it to an admin to find the log line"),
  }),
});

const toSchema = (schema: z.ZodType, io: "input" | "output"): JsonSchema => {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema;
  return rest;
};

function parameters(schema: z.ZodType | undefined, location: "path" | "query") {
  if (!schema) return [];
  const json = toSchema(schema, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === "path" || (json.required ?? []).includes(name),
    ...(typeof property.description === "string" && { description: property.description }),
    schema: property,
  }));
}

const errorResponse = (description: string) => ({
  description,
  content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
});

function rolesWith(operation: Operation): string[] {
  return ROLES.filter((role) => ROLE_PERMISSIONS[role].has(operation.permission));
}

function describeOperation(operation: Operation) {
  const success =
    operation.response === "csv"
      ? { description: "CSV file, streamed", content: { "text/csv": { schema: { type: "string" } } } }
      : {
          description: "Success",
          content: { "application/json": { schema: toSchema(operation.response, "output") } },
        };
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    tags: [operation.tag],
    description: `Needs the \`${operation.permission}\` permission (roles: ${rolesWith(operation).join(", ")}).${operation.allowTokens === false ? " API tokens are refused (403 `token_not_allowed`): a signed-in person only." : ""}${operation.audit ? ` Audited as \`${operation.audit.action}\`.` : ""}`,
    "x-permission": operation.permission,
    "x-api-tokens": operation.allowTokens !== false,
    ...(operation.duringAccountSetup && { "x-during-account-setup": true }),
    parameters: [...parameters(operation.params, "path"), ...parameters(operation.query, "query")],
    ...(operation.body && {
      requestBody: {
        required: true,
        content: { "application/json": { schema: toSchema(operation.body, "input") } },
      },
    }),
    responses: {
      [String(operation.successStatus ?? 200)]: success,
      "400": errorResponse("Invalid input: the message and details name the field"),
      "401": errorResponse("No session or API token, or the token is invalid, expired or revoked"),
      "403": errorResponse(
        operation.allowTokens === false
          ? "The role lacks the permission, or the caller is an API token"
          : "The role lacks the permission",
      ),
      ...(operation.params && { "404": errorResponse("Not found") }),
    },
  };
}

/** The OpenAPI 3.1 document, built from the same operation objects and zod schemas the handlers enforce. */
export function openApiDocument(operations: readonly Operation[] = OPERATIONS) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of operations) {
    paths[operation.path] ??= {};
    (paths[operation.path] as Record<string, unknown>)[operation.method.toLowerCase()] =
      describeOperation(operation);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Operator Console API",
      version: "1",
      description:
        'The console\'s backend-for-frontend. Authenticate with the browser session or `Authorization: Bearer <API token>`; tokens carry a role and the same permission checks apply. Every error has the shape `{"error":{"code","message","details"}}`.',
    },
    servers: [{ url: "/" }],
    security: [{ bearerToken: [] }, { sessionCookie: [] }],
    components: {
      securitySchemes: {
        bearerToken: {
          type: "http",
          scheme: "bearer",
          description: "An API token created under Admin → API tokens",
        },
        sessionCookie: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      },
      schemas: { Error: toSchema(ErrorSchema, "output") },
    },
    paths,
  };
}
