import { openApiDocument } from "@/lib/api/openapi";

// Public on purpose: the contract is documentation, and it holds no data or secrets.
export function GET() {
  return Response.json(openApiDocument());
}
