import type { KeyObject } from "node:crypto";
import { andThen, type MaybePromise } from "@/lib/async/maybe-promise";
import { isKeyId } from "@/lib/keys/key-id";
import { checkEs256Signature, type ParsedEs256Jws, parseCompactEs256 } from "./es256-compact";
import { parseJsonObject } from "./json-object";
import {
  audienceAccepted,
  type ClaimsFailure,
  type ClientJwtClaims,
  checkClaimTimes,
  DEFAULT_LEEWAY_SECONDS,
  effectiveMaxLifetime,
  readClaims,
} from "./jwt-claims";

/** What the resolver hands back: the cached key object plus whatever the caller needs afterwards. */
export type ResolvedKey = { readonly keyObject: KeyObject };

export type VerifyClientJwtOptions<K extends ResolvedKey> = {
  /** Current time in ms, passed in so tests and callers control the clock. */
  now: number;
  /**
   * Looks a key id up in Keydesk's own store. Must return null for an unknown id, a key that is
   * not of type public_key, or a revoked key. Errors it throws (database down) propagate: an
   * outage must not be reported to clients as a bad token.
   */
  resolveKey: (keyId: string) => K | null | Promise<K | null>;
  /** The tenant's maximum token lifetime for this key; missing or invalid → 900 s, capped at 3600 s. */
  maxLifetimeSeconds?: (key: K) => number | null | undefined;
  /** The deployment's audience(s). When unset, a token that carries `aud` is refused. */
  audience?: string | readonly string[];
  /** Clock-skew allowance, default 60 s. */
  leewaySeconds?: number;
};

export type ClientJwtErrorCode = ClaimsFailure["code"] | "INVALID_SIGNATURE";

export type ClientJwtFailure = {
  ok: false;
  code: ClientJwtErrorCode;
  message: string;
  details?: Readonly<Record<string, string | number>>;
};

export type ClientJwtResult<K extends ResolvedKey> =
  | { ok: true; keyId: string; claims: ClientJwtClaims; key: K }
  | ClientJwtFailure;

function invalidToken(message: string): ClientJwtFailure {
  return { ok: false, code: "INVALID_TOKEN", message };
}

/**
 * Verifies a client's ES256 JWT (seed 000) in SPEC §3's order: structure and header, claim
 * presence, key lookup by `sub`, signature, then the time rules and audience. Claims are read
 * before the signature only to find the key; no claim value is acted on until the signature
 * holds. The key comes from `resolveKey(sub)` and nothing else: `kid`, if sent, must merely
 * agree with `sub`. Replay (`jti`), key expiry, IP allowlists and scopes are the caller's next
 * steps, using the returned claims and key. With a resolver that answers at once (a cached key)
 * the result is synchronous too (no promise on the hot path, see lib/async/maybe-promise.ts).
 */
export function verifyClientJwt<K extends ResolvedKey>(
  token: unknown,
  options: VerifyClientJwtOptions<K>,
): MaybePromise<ClientJwtResult<K>> {
  const parsed = parseCompactEs256(token);
  if (!parsed.ok) return parsed;
  const { jws } = parsed;

  const payload = parseJsonObject(jws.payloadBytes);
  if (payload === null) return invalidToken("Token payload is not a JSON object");
  const read = readClaims(payload);
  if (!read.ok) return read;
  const { claims } = read;

  const kid = jws.header.kid;
  if (kid !== undefined && kid !== claims.sub) return invalidToken("Token kid must equal sub (the key id)");
  // Key ids as SPEC §2 mints them; checked before the resolver so garbage never costs a look-up.
  if (!isKeyId(claims.sub)) {
    return invalidToken("Claim sub must be a key id (key_ followed by 24 characters)");
  }

  return andThen(options.resolveKey(claims.sub), (key) => checkWithKey(jws, claims, key, options));
}

function checkWithKey<K extends ResolvedKey>(
  jws: ParsedEs256Jws,
  claims: ClientJwtClaims,
  key: K | null | undefined,
  options: VerifyClientJwtOptions<K>,
): ClientJwtResult<K> {
  if (key === null || key === undefined) return invalidToken("Claim sub does not name an active public key");

  const signatureFailure = checkEs256Signature(jws, key.keyObject);
  if (signatureFailure !== null) return signatureFailure;

  const leeway = options.leewaySeconds;
  const timeFailure = checkClaimTimes(
    claims,
    options.now / 1000,
    typeof leeway === "number" && Number.isFinite(leeway) && leeway >= 0 ? leeway : DEFAULT_LEEWAY_SECONDS,
    effectiveMaxLifetime(options.maxLifetimeSeconds?.(key)),
  );
  if (timeFailure !== null) return timeFailure;

  if (!audienceAccepted(claims.aud, options.audience)) {
    return invalidToken("Token aud does not name this service");
  }
  return { ok: true, keyId: claims.sub, claims, key };
}
