import { apiKeys } from "@/db/schema";
import type { ApiKeyDto, KeyStatus } from "@/lib/schemas/api-keys";
import { creditsDto } from "./credit-columns";

/** Explicit columns: `secretHash` is not among them, so it cannot leak through a DTO by accident. */
export const keyColumns = {
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
};

type KeyRow = {
  [K in keyof typeof keyColumns]: (typeof keyColumns)[K]["_"]["notNull"] extends true
    ? (typeof keyColumns)[K]["_"]["data"]
    : (typeof keyColumns)[K]["_"]["data"] | null;
};

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
  };
}
