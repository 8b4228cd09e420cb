import { sql } from "drizzle-orm";
import { apiKeys } from "@/db/schema";
import type { ApiKeyDto, KeyStatus } from "@/lib/schemas/api-keys";
import { creditsDto } from "./credit-columns";

/** Explicit columns: `secretHash` is not among them, so it cannot leak through a DTO by accident. */
const tableColumns = {
  id: apiKeys.id,
  name: apiKeys.name,
  description: apiKeys.description,
  type: apiKeys.type,
  environment: apiKeys.environment,
  displayPrefix: apiKeys.displayPrefix,
  fingerprint: apiKeys.fingerprint,
  scopes: apiKeys.scopes,
  ipAllowlist: apiKeys.ipAllowlist,
  expiresAt: apiKeys.expiresAt,
  rateLimitPerMinute: apiKeys.rateLimitPerMinute,
  revokedAt: apiKeys.revokedAt,
  revokedReason: apiKeys.revokedReason,
  createdAt: apiKeys.createdAt,
  lastUsedAt: apiKeys.lastUsedAt,
  lastUsedIp: apiKeys.lastUsedIp,
  metadata: apiKeys.metadata,
  rotatedFromId: apiKeys.rotatedFromId,
  creditsRemaining: apiKeys.creditsRemaining,
  creditsRefillInterval: apiKeys.creditsRefillInterval,
  creditsRefillAmount: apiKeys.creditsRefillAmount,
  creditsRefillDay: apiKeys.creditsRefillDay,
  creditsRefilledAt: apiKeys.creditsRefilledAt,
  identityId: apiKeys.identityId,
  ratelimits: apiKeys.ratelimits,
};

/**
 * The linked identity's external id, read in the same statement (also in RETURNING), filtered by
 * the key's own tenant as the composite foreign key already guarantees. Raw, qualified names:
 * drizzle leaves columns unqualified in one-table statements, ambiguous inside a subquery.
 */
const identityExternalId = sql<
  string | null
>`(select linked.external_id from identities linked where linked.id = "api_keys"."identity_id" and linked.tenant_id = "api_keys"."tenant_id")`;

export const keyColumns = { ...tableColumns, identityExternalId };

type KeyRow = {
  [K in keyof typeof tableColumns]: (typeof tableColumns)[K]["_"]["notNull"] extends true
    ? (typeof tableColumns)[K]["_"]["data"]
    : (typeof tableColumns)[K]["_"]["data"] | null;
} & { identityExternalId: string | null };

export function keyStatus(
  row: { revokedAt: Date | null; expiresAt: Date | null },
  now = new Date(),
): KeyStatus {
  if (row.revokedAt) return "revoked";
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return "expired";
  return "active";
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toKeyDto(row: KeyRow, now = new Date()): ApiKeyDto {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    type: row.type,
    environment: row.environment,
    prefix: row.displayPrefix,
    fingerprint: row.fingerprint,
    scopes: row.scopes,
    ipAllowlist: row.ipAllowlist,
    expiresAt: iso(row.expiresAt),
    rateLimitPerMinute: row.rateLimitPerMinute,
    status: keyStatus(row, now),
    revokedAt: iso(row.revokedAt),
    revokedReason: row.revokedReason,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: iso(row.lastUsedAt),
    lastUsedIp: row.lastUsedIp,
    metadata: row.metadata,
    rotatedFromId: row.rotatedFromId,
    credits: creditsDto(row, now),
    identity: row.identityId ? { id: row.identityId, externalId: row.identityExternalId ?? "" } : null,
    ratelimits: row.ratelimits,
  };
}
