import { compileAllowlist } from "@/lib/ip/allowlist";
import type { VerifiableKey } from "@/lib/verify/core/types";

/** A cached key as the verifier holds it: a live secret key with no limits of its own, open to all. */
export function fakeVerifiableKey(overrides: Partial<VerifiableKey> = {}): VerifiableKey {
  return {
    id: "key_AAAAAAAAAAAAAAAAAAAAAAAA",
    tenantId: "ten_x",
    name: "k",
    type: "secret",
    environment: "live",
    scopes: [],
    expiresAtMs: null,
    revoked: false,
    metadata: {},
    allowlist: compileAllowlist([]),
    keyObject: null,
    rateLimitPerMinute: null,
    tenant: { rateLimitPerMinute: 100, maxTokenLifetimeSeconds: 900 },
    credits: null,
    identity: null,
    ratelimits: [],
    ...overrides,
  };
}
