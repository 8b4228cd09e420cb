import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { tenants } from "@/db/schema";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { tenantLimitProblem } from "@/lib/ratelimit/tenant-limit";
import type { TenantDto } from "@/lib/schemas/tenant";
import { notifyTenantChanged } from "./api-keys/notify";
import { auditByCaller } from "./audit";
import { assertCanWrite, type TenantContext } from "./context";

const columns = {
  id: tenants.id,
  name: tenants.name,
  rateLimitPerMinute: tenants.rateLimitPerMinute,
  maxTokenLifetimeSeconds: tenants.maxTokenLifetimeSeconds,
  scopeCatalog: tenants.scopeCatalog,
  createdAt: tenants.createdAt,
  updatedAt: tenants.updatedAt,
};

function toDto(
  row: { createdAt: Date; updatedAt: Date } & Omit<TenantDto, "createdAt" | "updatedAt">,
): TenantDto {
  return { ...row, createdAt: row.createdAt.toISOString(), updatedAt: row.updatedAt.toISOString() };
}

export async function getTenant(ctx: TenantContext): Promise<TenantDto> {
  const db = await getDb();
  const [row] = await db.select(columns).from(tenants).where(eq(tenants.id, ctx.tenantId));
  if (!row) throw new AppError("NOT_FOUND", "Tenant not found.");
  return toDto(row);
}

export type TenantPatch = Partial<
  Pick<TenantDto, "name" | "rateLimitPerMinute" | "maxTokenLifetimeSeconds" | "scopeCatalog">
>;

/** The operator's ceiling (TENANT_RATE_LIMIT_MAX) is configuration, so it is checked here, not in the schema. */
function assertWithinCeiling(patch: TenantPatch): void {
  if (patch.rateLimitPerMinute === undefined) return;
  const ceiling = getEnv().tenantRateLimitMax;
  const problem = tenantLimitProblem(patch.rateLimitPerMinute, ceiling);
  if (problem) {
    throw new AppError("VALIDATION_ERROR", `rateLimitPerMinute: ${problem}`, {
      fields: [{ path: "rateLimitPerMinute", message: problem }],
      max: ceiling,
    });
  }
}

export async function updateTenant(ctx: TenantContext, patch: TenantPatch): Promise<TenantDto> {
  assertCanWrite(ctx);
  assertWithinCeiling(patch);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(tenants)
      .set({ ...patch, updatedAt: new Date() })
      .where(eq(tenants.id, ctx.tenantId))
      .returning(columns);
    if (!row) throw new AppError("NOT_FOUND", "Tenant not found.");
    await notifyTenantChanged(tx, ctx.tenantId);
    await auditByCaller(
      tx,
      ctx,
      "tenant.updated",
      { type: "tenant", id: ctx.tenantId },
      { changed: Object.keys(patch) },
    );
    return toDto(row);
  });
}
