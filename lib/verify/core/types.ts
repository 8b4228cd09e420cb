import type { KeyObject } from "node:crypto";
import type { MaybePromise } from "@/lib/async/maybe-promise";
import type { CompiledAllowlist } from "@/lib/ip/allowlist";
import type { CreditRefill } from "@/lib/keys/credit-refill";
import type { NamedLimit } from "@/lib/ratelimit/named-limits";

/** The tenant's customer a key belongs to, as cached with the key (issue 12). */
export type KeyIdentity = {
  readonly id: string;
  readonly externalId: string;
  readonly metadata: Readonly<Record<string, unknown>>;
  /** Shared by all the identity's keys: one bucket per identity and name. */
  readonly ratelimits: readonly NamedLimit[];
};

/** A key as the verifier needs it: pre-compiled allowlist, pre-imported public key. Cached per key. */
export type VerifiableKey = {
  readonly id: string;
  readonly tenantId: string;
  readonly name: string;
  readonly type: "secret" | "public_key" | "signed";
  readonly environment: "live" | "test";
  readonly scopes: readonly string[];
  readonly expiresAtMs: number | null;
  readonly revoked: boolean;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly allowlist: CompiledAllowlist;
  /** public_key keys only: imported once per key, not per request. */
  readonly keyObject: KeyObject | null;
  readonly rateLimitPerMinute: number | null;
  /** rateLimitPerMinute: what applies (the tenant's, under the operator's ceiling); null: no tenant limit. */
  readonly tenant: { readonly rateLimitPerMinute: number | null; readonly maxTokenLifetimeSeconds: number };
  /**
   * Null: unlimited (no credits, nothing extra to do). The balance itself is never cached: it lives
   * in the database and every verification of a credited key spends it there (docs/decisions.md).
   */
  readonly credits: { readonly refill: CreditRefill | null } | null;
  readonly identity: KeyIdentity | null;
  /** The key's own named limits (a name shared with its identity's: the key's wins). */
  readonly ratelimits: readonly NamedLimit[];
};

/** The balance after a successful spend; nextRefillAt is ISO-8601 (null: no refill). */
export type CreditBalance = { remaining: number; nextRefillAt: string | null };

export type CreditSpendResult =
  | { ok: true; credits: CreditBalance | null }
  | { ok: false; remaining: number; nextRefillAt: string | null };

/**
 * Where balances are spent: injected so the core stays free of the database. `spend` is one
 * atomic conditional statement; `credits: null` on success means the key turned out to be unlimited
 * (its credits were removed after it was cached).
 */
export interface CreditLedger {
  spend(key: VerifiableKey, cost: number, nowMs: number): Promise<CreditSpendResult>;
}

/** What a signed key says about itself once its signature held: enough to find and check the key. */
export type SignedClaims = {
  readonly tenantId: string;
  readonly keyId: string;
  readonly environment: "live" | "test";
};

/**
 * Asked before a look-up goes to the database (or before other costly work on unverified input);
 * it may refuse by throwing (see miss-budget.ts). Hits, remembered misses and look-ups already in
 * flight never ask.
 */
export type Admission = () => Promise<void>;

/**
 * Where keys come from; in production an in-process cache in front of the database. A hit answers
 * with the value itself, not a promise (lib/async/maybe-promise.ts).
 */
export interface KeyLookup {
  bySecret(secret: string, admit?: Admission): MaybePromise<VerifiableKey | null>;
  byId(keyId: string, admit?: Admission): MaybePromise<VerifiableKey | null>;
  signingSecrets(tenantId: string, admit?: Admission): MaybePromise<readonly string[]>;
  /** Claims of a signed key whose signature already held (so it is not decoded again). */
  verifiedSignedClaims?(token: string): SignedClaims | undefined;
  rememberSignedClaims?(token: string, claims: SignedClaims): void;
}

export type VerificationErrorCode =
  | "MISSING_CREDENTIALS"
  | "INVALID_API_KEY"
  | "INVALID_TOKEN"
  | "INVALID_SIGNATURE"
  | "API_KEY_EXPIRED"
  | "TOKEN_EXPIRED"
  | "TOKEN_NOT_YET_VALID"
  | "TOKEN_LIFETIME_TOO_LONG"
  | "TOKEN_REPLAYED"
  | "IP_NOT_ALLOWED"
  | "ENVIRONMENT_MISMATCH"
  | "INSUFFICIENT_SCOPE"
  | "RATE_LIMITED"
  | "USAGE_EXCEEDED";

export type RateLimitInfo = { limit: number; remaining: number; resetAt: number };

/** One named limit as checked for this request. */
export type NamedLimitInfo = RateLimitInfo & { name: string };

export type VerificationResult =
  /**
   * `ratelimit` is null when neither the tenant nor the key has a limit. `ratelimits`: the named
   * limits checked (absent when none applied, so the plain path allocates nothing for them).
   * `credits`: the balance after this request; absent or null when the key has no credits.
   */
  | {
      ok: true;
      key: VerifiableKey;
      ratelimit: RateLimitInfo | null;
      ratelimits?: readonly NamedLimitInfo[];
      /** Named limits the request asked for that neither the key nor its identity has (ignored). */
      unknownRatelimits?: readonly string[];
      credits?: CreditBalance | null;
    }
  | {
      ok: false;
      code: VerificationErrorCode;
      message: string;
      details?: Record<string, unknown>;
      /** Set when the failure can be attributed to a key (for usage counts and last-used). */
      key?: VerifiableKey;
      ratelimit?: RateLimitInfo;
      ratelimits?: readonly NamedLimitInfo[];
      /** The caller, not the credential, was refused (its miss budget is spent): always a 429. */
      callerThrottled?: true;
    };

export type VerificationOutcome = VerificationErrorCode | "VALID";
