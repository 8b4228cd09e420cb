import { jsonResponse } from "@/lib/api/responses";

export const dynamic = "force-dynamic";

/** Liveness, and the bench's baseline for Next's own overhead: no database, no work. */
export function GET(): Response {
  return jsonResponse({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
}
