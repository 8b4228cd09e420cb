import { z } from "zod";

export const granularitySchema = z.enum(["minute", "hour", "day"]);

/** `GET /api/tenants/me/usage?from&to&interval=minute|hour|day&keyId` (SPEC §4). */
export const usageQuery = z
  .object({
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    interval: granularitySchema.optional(),
    keyId: z.string().max(64).optional(),
    /** csv: the same counts as a download, one line per bucket and outcome (issue 14). */
    format: z.enum(["json", "csv"]).optional(),
  })
  .strict();
export type UsageQuery = z.infer<typeof usageQuery>;

const counts = z
  .record(z.string(), z.number().int())
  .describe("Verifications by outcome (VALID or an error code)");

export const usageSeries = z.object({
  interval: granularitySchema,
  from: z.string(),
  to: z.string(),
  series: z.array(z.object({ t: z.string(), outcomes: counts })),
  totals: counts,
});
export type UsageSeries = z.infer<typeof usageSeries>;

export const topKey = z.object({
  keyId: z.string(),
  name: z.string(),
  total: z.number().int(),
  failed: z.number().int(),
});
export type TopKey = z.infer<typeof topKey>;

/** The dashboard's fixed ranges, each with the granularity its chart is drawn at. */
export const usageRangeSchema = z.enum(["1h", "24h", "7d", "30d"]);
export type UsageRange = z.infer<typeof usageRangeSchema>;

/** GET /api/dashboard/usage: one of the dashboard's ranges, for the tenant or one key. */
export const usageViewQuery = z.object({
  range: usageRangeSchema.default("24h"),
  keyId: z.string().max(64).optional(),
  format: z.enum(["json", "csv"]).optional(),
});

export const usageView = usageSeries.extend({ range: usageRangeSchema, topKeys: z.array(topKey) });
export type UsageView = z.infer<typeof usageView>;
