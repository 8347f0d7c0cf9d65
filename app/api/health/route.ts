/** Liveness: the process answers. No authentication, no dependencies. */
export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
