import { publicRoute } from "@/lib/api/route";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { metricsAuthorized } from "@/lib/metrics/metrics-token";
import { metricsRegistry } from "@/lib/server/metrics-registry";

export const dynamic = "force-dynamic";

/** Prometheus text format; behind METRICS_TOKEN when it is set (README, "Operations"). */
export const GET = publicRoute({}, async ({ req }) => {
  if (!metricsAuthorized(getEnv().metricsToken, req.headers.get("authorization"))) {
    throw new AppError("UNAUTHORIZED", "Send the metrics token as Authorization: Bearer <METRICS_TOKEN>.");
  }
  const registry = metricsRegistry();
  return new Response(await registry.metrics(), {
    headers: { "Content-Type": registry.contentType, "Cache-Control": "no-store" },
  });
});
