import "server-only";
import type { UsageQuery, UsageRange, UsageView } from "@/lib/schemas/usage";
import { getApiKey } from "./api-keys/get-api-keys";
import type { TenantContext } from "./context";
import { getTopKeys, getUsage } from "./usage";

const RANGES: Record<UsageRange, { ms: number; interval: "minute" | "hour" | "day" }> = {
  "1h": { ms: 3_600_000, interval: "minute" },
  "24h": { ms: 86_400_000, interval: "hour" },
  "7d": { ms: 7 * 86_400_000, interval: "hour" },
  "30d": { ms: 30 * 86_400_000, interval: "day" },
};

/**
 * Usage over one of the dashboard's ranges, for the whole tenant (with its top keys) or one key. A
 * key of another tenant is NOT_FOUND, as an unknown one is, rather than an empty chart.
 */
export async function loadUsageView(
  ctx: TenantContext,
  range: UsageRange,
  keyId?: string,
  now = Date.now(),
): Promise<UsageView> {
  if (keyId) await getApiKey(ctx, keyId);
  const query = rangeQuery(range, keyId, now);
  const [usage, topKeys] = await Promise.all([
    getUsage(ctx, query, now),
    keyId ? [] : getTopKeys(ctx, query, 5, now),
  ]);
  return { ...usage, range, topKeys };
}

/** A dashboard range as the usage API's query (what the chart shows, and what "Export CSV" writes). */
export function rangeQuery(range: UsageRange, keyId: string | undefined, now = Date.now()): UsageQuery {
  const { ms, interval } = RANGES[range];
  return { from: new Date(now - ms).toISOString(), to: new Date(now).toISOString(), interval, keyId };
}
