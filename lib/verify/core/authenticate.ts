import { andThen, type MaybePromise } from "@/lib/async/maybe-promise";
import { errorMessage } from "@/lib/errors/codes";
import { verifyClientJwt } from "@/lib/jwt/verify-client-jwt";
import { parseSecretKey } from "@/lib/keys/secret-key";
import { parseSignedKeyUnverified, verifySignedKey } from "@/lib/keys/signed-key";
import { classifyCredential } from "./credential";
import type { Admission, KeyLookup, SignedClaims, VerifiableKey, VerificationErrorCode } from "./types";

export type Authenticated = { ok: true; key: VerifiableKey; jwt?: { jti?: string; exp: number } };
export type AuthFailure = {
  ok: false;
  code: VerificationErrorCode;
  message: string;
  details?: Record<string, unknown>;
  key?: VerifiableKey;
};

export type AuthDeps = {
  keys: KeyLookup;
  /** Asked before any database look-up or costly parse of unverified input (the miss budget). */
  admit?: Admission;
  now: number;
  audience: string;
  leewaySeconds: number;
};

function fail(code: VerificationErrorCode, message = errorMessage(code), key?: VerifiableKey): AuthFailure {
  return key ? { ok: false, code, message, key } : { ok: false, code, message };
}

/**
 * Steps 1–2 of SPEC §3 for random secret keys: shape and checksum first, so typos cost no look-up.
 * A cached key is answered synchronously: the hot path of SPEC §7 makes no promise.
 */
function authenticateSecret(value: string, deps: AuthDeps): MaybePromise<Authenticated | AuthFailure> {
  if (!parseSecretKey(value)) return fail("INVALID_API_KEY");
  return andThen(deps.keys.bySecret(value, deps.admit), secretKeyFound);
}

function secretKeyFound(key: VerifiableKey | null): Authenticated | AuthFailure {
  if (key?.type !== "secret") return fail("INVALID_API_KEY");
  if (key.revoked) return fail("INVALID_API_KEY", "This API key has been revoked.", key);
  return { ok: true, key };
}

/**
 * Decoding a signed key's base62 payload is a big-integer conversion: ~1 ms for a few KiB and more
 * than 10 ms near the 16 KiB cap, all before the signature can be checked. Past this length a
 * caller pays from its miss budget first, unless the very token verified before.
 */
const COSTLY_SIGNED_KEY_LENGTH = 2048;

/** The signature is checked with the tenant's secrets before anything in the payload is trusted. */
function signedClaims(value: string, deps: AuthDeps): MaybePromise<SignedClaims | null> {
  const remembered = deps.keys.verifiedSignedClaims?.(value);
  if (remembered) return remembered;
  const admit = deps.admit;
  if (value.length > COSTLY_SIGNED_KEY_LENGTH && admit)
    return admit().then(() => claimsFromSecrets(value, deps));
  return claimsFromSecrets(value, deps);
}

function claimsFromSecrets(value: string, deps: AuthDeps): MaybePromise<SignedClaims | null> {
  const claimed = parseSignedKeyUnverified(value);
  if (!claimed) return null;
  return andThen(deps.keys.signingSecrets(claimed.tenantId, deps.admit), (secrets) => {
    if (secrets.length === 0) return null;
    const verified = verifySignedKey(value, secrets);
    if (!verified.ok) return null;
    const { tenantId, keyId, environment } = verified.payload;
    const claims = { tenantId, keyId, environment };
    deps.keys.rememberSignedClaims?.(value, claims);
    return claims;
  });
}

function authenticateSigned(value: string, deps: AuthDeps): MaybePromise<Authenticated | AuthFailure> {
  return andThen(signedClaims(value, deps), (claims) => {
    if (!claims) return fail("INVALID_API_KEY");
    return andThen(deps.keys.byId(claims.keyId, deps.admit), (key) => signedKeyFound(claims, key));
  });
}

function signedKeyFound(claims: SignedClaims, key: VerifiableKey | null): Authenticated | AuthFailure {
  // A tenant's admin holds its signing secrets and can sign any payload: the key named must be a
  // signed key of that very tenant, in the environment the token claims, or the token is not it.
  // Such a token is not attributed to the key (no usage, no "revoked" answer): it was never issued.
  if (key?.type !== "signed" || key.tenantId !== claims.tenantId || key.environment !== claims.environment)
    return fail("INVALID_API_KEY");
  if (key.revoked) return fail("INVALID_API_KEY", "This API key has been revoked.", key);
  return { ok: true, key };
}

/** ES256 client JWTs (seed 000): the key comes from Keydesk by `sub`, never from the token. */
function authenticateJwt(value: string, deps: AuthDeps): MaybePromise<Authenticated | AuthFailure> {
  let resolved: VerifiableKey | undefined;
  const verified = verifyClientJwt(value, {
    now: deps.now,
    audience: deps.audience,
    leewaySeconds: deps.leewaySeconds,
    resolveKey: (keyId) =>
      andThen(deps.keys.byId(keyId, deps.admit), (key) => {
        if (key?.type !== "public_key" || key.revoked || !key.keyObject) return null;
        resolved = key;
        return { keyObject: key.keyObject, key };
      }),
    maxLifetimeSeconds: ({ key }) => key.tenant.maxTokenLifetimeSeconds,
  });
  return andThen(verified, (result): Authenticated | AuthFailure => {
    if (!result.ok) {
      const failure = fail(result.code, result.message, resolved);
      return result.details ? { ...failure, details: { ...result.details } } : failure;
    }
    return { ok: true, key: result.key.key, jwt: { jti: result.claims.jti, exp: result.claims.exp } };
  });
}

export function authenticate(
  credential: string | null,
  deps: AuthDeps,
): MaybePromise<Authenticated | AuthFailure> {
  if (!credential) return fail("MISSING_CREDENTIALS");
  const classified = classifyCredential(credential);
  switch (classified.kind) {
    case "secret":
      return authenticateSecret(classified.value, deps);
    case "signed":
      return authenticateSigned(classified.value, deps);
    case "jwt":
      return authenticateJwt(classified.value, deps);
    default:
      return fail("INVALID_API_KEY");
  }
}
