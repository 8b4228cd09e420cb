import "server-only";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiKeys, tenants } from "@/db/schema";
import { activeSigningSecrets } from "./signing-secrets";

/**
 * Look-ups for the verification API. These are the only queries not scoped by a tenant from a
 * session: the caller presents a credential, and the tenant is whatever the key belongs to. The
 * secret's hash or the (signature-checked) key id is the capability; nothing else is accepted.
 */
export type VerificationKeyRow = {
  id: string;
  tenantId: string;
  name: string;
  type: "secret" | "public_key" | "signed";
  environment: "live" | "test";
  scopes: string[];
  ipAllowlist: string[];
  expiresAt: Date | null;
  revokedAt: Date | null;
  metadata: Record<string, unknown>;
  publicKeyPem: string | null;
  fingerprint: string | null;
  rateLimitPerMinute: number | null;
  tenantRateLimitPerMinute: number;
  tenantMaxTokenLifetimeSeconds: number;
};

const columns = {
  id: apiKeys.id,
  tenantId: apiKeys.tenantId,
  name: apiKeys.name,
  type: apiKeys.type,
  environment: apiKeys.environment,
  scopes: apiKeys.scopes,
  ipAllowlist: apiKeys.ipAllowlist,
  expiresAt: apiKeys.expiresAt,
  revokedAt: apiKeys.revokedAt,
  metadata: apiKeys.metadata,
  publicKeyPem: apiKeys.publicKeyPem,
  fingerprint: apiKeys.fingerprint,
  rateLimitPerMinute: apiKeys.rateLimitPerMinute,
  tenantRateLimitPerMinute: tenants.rateLimitPerMinute,
  tenantMaxTokenLifetimeSeconds: tenants.maxTokenLifetimeSeconds,
};

export async function findVerificationKeyBySecretHash(
  secretHash: string,
): Promise<VerificationKeyRow | null> {
  const db = await getDb();
  const [row] = await db
    .select(columns)
    .from(apiKeys)
    .innerJoin(tenants, eq(tenants.id, apiKeys.tenantId))
    .where(eq(apiKeys.secretHash, secretHash));
  return row ?? null;
}

export async function findVerificationKeyById(id: string): Promise<VerificationKeyRow | null> {
  const db = await getDb();
  const [row] = await db
    .select(columns)
    .from(apiKeys)
    .innerJoin(tenants, eq(tenants.id, apiKeys.tenantId))
    .where(eq(apiKeys.id, id));
  return row ?? null;
}

/** A tenant's active signing secrets, for verifying signed keys (newest first). */
export async function findSigningSecretsForVerification(tenantId: string): Promise<string[]> {
  return activeSigningSecrets(await getDb(), tenantId);
}
