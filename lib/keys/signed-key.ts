import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { decodeBase62, encodeBase62 } from "./base62";
import type { KeyEnvironment } from "./environment";
import {
  decodePayloadBytes,
  encodePayloadJson,
  type SignedKeyInput,
  type SignedKeyPayload,
  signedKeyInputSchema,
} from "./signed-key-payload";

export type { SignedKeyInput, SignedKeyPayload } from "./signed-key-payload";

/** For secret scanners and log redaction: finds signed keys inside larger text. */
export const SIGNED_KEY_PATTERN = /akv1_(live|test)_[0-9A-Za-z]+\.[0-9A-Za-z]{43}/;

/**
 * Checked before any decoding, so oversized input costs nothing. The largest key the schemas allow
 * (4 KiB metadata, 50 scopes of 65 characters) is about 10.3k characters, which must still fit.
 */
export const MAX_SIGNED_KEY_LENGTH = 16 * 1024;

/** Longer than any credential Keydesk issues (the longest, a signed key with full metadata, is ~10 KiB). */
export const MAX_CREDENTIAL_LENGTH = MAX_SIGNED_KEY_LENGTH;

// HMAC keys shorter than this are guessable offline from a single signed key, and an empty string
// (a missing "previous" secret) would let anyone mint keys, so such secrets are a configuration error.
const MIN_SECRET_LENGTH = 32;
const SIGNATURE_LENGTH = 43;
const SIGNATURE_BYTES = 32;
// A payload never starts with '0' (its first byte is '{'); refusing it keeps one spelling per payload.
const SIGNED_KEY_RE = /^akv1_(live|test)_([1-9A-Za-z][0-9A-Za-z]*)\.([0-9A-Za-z]{43})$/;

export type SignedKeyVerification =
  | { ok: true; payload: SignedKeyPayload; secretIndex: number }
  | { ok: false; reason: "malformed" | "bad_signature" };

interface TokenParts {
  environment: KeyEnvironment;
  signedPart: string;
  payload: string;
  signature: Uint8Array;
}

function assertUsableSecret(secret: string): void {
  if (typeof secret !== "string" || secret.length < MIN_SECRET_LENGTH) {
    throw new RangeError(`Signing secrets must be at least ${MIN_SECRET_LENGTH} characters`);
  }
}

function hmac(secret: string, signedPart: string): Buffer {
  return createHmac("sha256", secret).update(signedPart, "utf8").digest();
}

function splitToken(token: unknown): TokenParts | null {
  if (typeof token !== "string" || token.length > MAX_SIGNED_KEY_LENGTH) return null;
  const match = SIGNED_KEY_RE.exec(token);
  const [, environment, payload, signature] = match ?? [];
  // 43 base62 digits can exceed 2^256; such a signature could never have been produced.
  const signatureBytes = signature === undefined ? null : decodeBase62(signature, SIGNATURE_BYTES);
  if (environment === undefined || payload === undefined || signatureBytes === null) return null;
  return {
    environment: environment === "live" ? "live" : "test",
    signedPart: token.slice(0, token.length - SIGNATURE_LENGTH - 1),
    payload,
    signature: signatureBytes,
  };
}

function decodeParts(parts: TokenParts): SignedKeyPayload | null {
  const bytes = decodeBase62(parts.payload);
  return bytes === null ? null : decodePayloadBytes(bytes, parts.environment);
}

/** Signing secrets for a tenant: `aksec_` and 32 random bytes in base62. */
export function generateSigningSecret(): string {
  return `aksec_${encodeBase62(randomBytes(32), SIGNATURE_LENGTH)}`;
}

/** Throws on invalid input (a ZodError) or a weak secret: callers validate user input first. */
export function signSignedKey(input: SignedKeyInput, secret: string): string {
  assertUsableSecret(secret);
  const claims = signedKeyInputSchema.parse(input);
  const payload = encodeBase62(Buffer.from(encodePayloadJson(claims), "utf8"));
  const signedPart = `akv1_${claims.environment}_${payload}`;
  const token = `${signedPart}.${encodeBase62(hmac(secret, signedPart), SIGNATURE_LENGTH)}`;
  if (token.length > MAX_SIGNED_KEY_LENGTH) throw new RangeError("Signed key would exceed the size limit");
  return token;
}

/**
 * Signature first, then the payload: unauthenticated claims are never interpreted. `secrets` is
 * newest first; every secret is tried so timing does not reveal which one matched. Expiry and
 * revocation are NOT checked here — the caller compares `expiresAt` with its clock and looks the
 * key id up.
 */
export function verifySignedKey(token: string, secrets: readonly string[]): SignedKeyVerification {
  for (const secret of secrets) assertUsableSecret(secret);
  const parts = splitToken(token);
  if (!parts) return { ok: false, reason: "malformed" };
  let secretIndex = -1;
  secrets.forEach((secret, index) => {
    const matches = timingSafeEqual(hmac(secret, parts.signedPart), parts.signature);
    if (matches && secretIndex === -1) secretIndex = index;
  });
  if (secretIndex === -1) return { ok: false, reason: "bad_signature" };
  const payload = decodeParts(parts);
  if (!payload) return { ok: false, reason: "malformed" };
  return { ok: true, payload, secretIndex };
}

/** Claims WITHOUT checking the signature: only for finding which key (and tenant) to verify against. */
export function parseSignedKeyUnverified(token: string): SignedKeyPayload | null {
  const parts = splitToken(token);
  return parts ? decodeParts(parts) : null;
}
