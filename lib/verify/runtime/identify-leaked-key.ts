import "server-only";
import { getEnv } from "@/lib/env";
import { DEFAULT_LEEWAY_SECONDS } from "@/lib/jwt/jwt-claims";
import { authenticate } from "@/lib/verify/core/authenticate";
import { classifyCredential } from "@/lib/verify/core/credential";
import { getVerifier } from "./runtime";

export type LeakedKey = { id: string; tenantId: string; revoked: boolean };

/**
 * Which key a reported token really is, decided by the verification path's own `authenticate`
 * (same checks, same cache), so leak alerts can never revoke a key that the token would not
 * unlock: a signed key must belong to the tenant whose secret signed it, be of type signed and
 * match the token's environment; a secret key is the one its hash names. Client JWTs are not
 * leaked keys (the private key stays with the client; the token expires within minutes), so they
 * match nothing. A revoked key still matches, so a repeated alert is reported as matched.
 */
export async function identifyLeakedKey(token: string): Promise<LeakedKey | null> {
  const kind = classifyCredential(token).kind;
  if (kind !== "secret" && kind !== "signed") return null;
  const result = await authenticate(token, {
    keys: getVerifier().keyCache,
    now: Date.now(),
    audience: getEnv().jwtAudience,
    leewaySeconds: DEFAULT_LEEWAY_SECONDS,
  });
  const key = result.ok ? result.key : result.key?.revoked ? result.key : null;
  return key ? { id: key.id, tenantId: key.tenantId, revoked: key.revoked } : null;
}
