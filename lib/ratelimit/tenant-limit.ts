/**
 * Tenant rate limits (verifications per minute, whole tenant). `null` is "no tenant limit": the
 * tenant's verifications are never refused by a tenant bucket, and no bucket is even consulted.
 * The operator may set a ceiling (TENANT_RATE_LIMIT_MAX); `null` there means no ceiling.
 */

/**
 * GCRA counts in whole microseconds (gcra.ts): 60 000 000 a minute is one hit per µs, and past it
 * two limits could no longer be told apart. Highest value any setting may take.
 */
export const MAX_RATE_LIMIT_PER_MINUTE = 60_000_000;

/** SPEC §3's default for a tenant: 100 verifications per minute. */
export const SPEC_DEFAULT_TENANT_RATE_LIMIT = 100;

/**
 * The limit a tenant's verifications are held to: its own setting, but never above the operator's
 * ceiling — a ceiling lowered after a tenant chose more (or chose none) applies at once.
 */
export function effectiveTenantLimit(setting: number | null, ceiling: number | null): number | null {
  if (ceiling === null) return setting;
  return setting === null ? ceiling : Math.min(setting, ceiling);
}

/** Why a tenant may not choose `value` under `ceiling` (a sentence for the field), or null. */
export function tenantLimitProblem(value: number | null, ceiling: number | null): string | null {
  if (ceiling === null) return null;
  if (value === null)
    return `This deployment caps tenants at ${ceiling} verifications per minute, so "Unlimited" is not available.`;
  if (value > ceiling) return `At most ${ceiling} per minute: the ceiling this deployment's operator set.`;
  return null;
}
