import "server-only";
import type { TenantContext } from "@/lib/dal/context";
import { getTopKeys, getUsage, type TopKey, type UsageSeries } from "@/lib/dal/usage";

export type UsageRange = "1h" | "24h" | "7d" | "30d";
export type UsageView = UsageSeries & { topKeys: TopKey[] };

const RANGES: Record<UsageRange, { ms: number; interval: "minute" | "hour" | "day" }> = {
  "1h": { ms: 3_600_000, interval: "minute" },
  "24h": { ms: 86_400_000, interval: "hour" },
  "7d": { ms: 7 * 86_400_000, interval: "hour" },
  "30d": { ms: 30 * 86_400_000, interval: "day" },
};

/**
 * Kept out of actions.ts on purpose: every export of a "use server" file is callable from the
 * browser, and this one trusts the context it is given.
 */
export async function loadUsage(ctx: TenantContext, range: UsageRange, keyId?: string): Promise<UsageView> {
  const now = Date.now();
  const { ms, interval } = RANGES[range];
  const query = { from: new Date(now - ms).toISOString(), to: new Date(now).toISOString(), interval, keyId };
  const [usage, topKeys] = await Promise.all([
    getUsage(ctx, query, now),
    keyId ? [] : getTopKeys(ctx, query, 5, now),
  ]);
  return { ...usage, topKeys };
}
