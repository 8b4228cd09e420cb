import "server-only";
import type { TenantContext } from "@/lib/dal/context";
import { getUsage } from "@/lib/dal/usage";
import { exportVerificationLog, listVerificationLog } from "@/lib/dal/verification-log/list-log";
import { usageCsv } from "@/lib/exports/usage-csv";
import { verificationLogCsv } from "@/lib/exports/verification-log-csv";
import type { UsageQuery } from "@/lib/schemas/usage";
import type { VerificationLogQuery } from "@/lib/schemas/verification-log";
import { csvResponse } from "./responses";

/**
 * The log route's answer for both callers (access token and dashboard session): a page as JSON, or
 * with `format=csv` the whole filtered log as a download.
 */
export async function verificationLogAnswer(ctx: TenantContext, keyId: string, query: VerificationLogQuery) {
  if (query.format === "csv") {
    const entries = await exportVerificationLog(ctx, keyId, query);
    return csvResponse(`verifications-${keyId}.csv`, verificationLogCsv(entries));
  }
  return listVerificationLog(ctx, keyId, query);
}

/** Usage over a range as CSV, for one key (`keyId`) or the whole tenant. */
export async function usageCsvAnswer(ctx: TenantContext, query: UsageQuery): Promise<Response> {
  const usage = await getUsage(ctx, query);
  const day = usage.from.slice(0, 10);
  return csvResponse(`usage-${query.keyId ?? "tenant"}-${day}-${usage.interval}.csv`, usageCsv(usage));
}
