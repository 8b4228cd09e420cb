import { jsonResponse } from "@/lib/api/responses";
import { getEnv } from "@/lib/env";
import { buildOpenApiDocument } from "@/lib/openapi/document";

export const dynamic = "force-dynamic";

export function GET(): Response {
  return jsonResponse(buildOpenApiDocument(getEnv().appUrl), {
    headers: { "Cache-Control": "public, max-age=300" },
  });
}
