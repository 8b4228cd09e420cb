import type { VerificationKeyRow } from "@/lib/dal/verification-keys";
import { compileAllowlist } from "@/lib/ip/allowlist";
import type { KeyObjectCache } from "@/lib/jwt/import-key";
import { effectiveTenantLimit } from "@/lib/ratelimit/tenant-limit";
import type { VerifiableKey } from "@/lib/verify/core/types";

/**
 * Does the per-key work once per cache fill: allowlist compiled, PEM imported (reused across fills),
 * the tenant's limit held to the operator's ceiling (`tenantLimitCeiling`, null: none).
 */
export function toVerifiableKey(
  row: VerificationKeyRow,
  keyObjects: KeyObjectCache,
  tenantLimitCeiling: number | null = null,
): VerifiableKey {
  return {
    id: row.id,
    tenantId: row.tenantId,
    name: row.name,
    type: row.type,
    environment: row.environment,
    scopes: row.scopes,
    expiresAtMs: row.expiresAt?.getTime() ?? null,
    revoked: row.revokedAt !== null,
    metadata: row.metadata,
    allowlist: compileAllowlist(row.ipAllowlist),
    keyObject:
      row.type === "public_key" && row.publicKeyPem
        ? keyObjects.getOrImport(row.id, row.fingerprint ?? row.publicKeyPem, row.publicKeyPem)
        : null,
    rateLimitPerMinute: row.rateLimitPerMinute,
    tenant: {
      rateLimitPerMinute: effectiveTenantLimit(row.tenantRateLimitPerMinute, tenantLimitCeiling),
      maxTokenLifetimeSeconds: row.tenantMaxTokenLifetimeSeconds,
    },
    credits: creditsOf(row),
    identity:
      row.identityId === null
        ? null
        : {
            id: row.identityId,
            externalId: row.identityExternalId ?? "",
            metadata: row.identityMetadata ?? {},
            ratelimits: row.identityRatelimits ?? [],
          },
    ratelimits: row.ratelimits,
  };
}

function creditsOf(row: VerificationKeyRow): VerifiableKey["credits"] {
  if (row.creditsRemaining === null) return null;
  const refill =
    row.creditsRefillInterval && row.creditsRefillAmount !== null
      ? {
          interval: row.creditsRefillInterval,
          amount: row.creditsRefillAmount,
          dayOfMonth: row.creditsRefillDay,
        }
      : null;
  return { refill };
}
