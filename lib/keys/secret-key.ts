import { createHmac, createSecretKey, hash, type KeyObject } from "node:crypto";
import { crc32 } from "node:zlib";
import { encodeIntBase62, randomBase62 } from "./base62";
import type { KeyEnvironment } from "./environment";

/** For secret scanners and log redaction: finds secret keys inside larger text. */
export const SECRET_KEY_PATTERN = /ak_(live|test)_[0-9A-Za-z]{49}/;

const SECRET_KEY_RE = /^ak_(live|test)_[0-9A-Za-z]{49}$/;
const PREFIX_LENGTH = "ak_live_".length;
// 43 base62 characters carry 43 × log2(62) ≈ 256.03 bits of randomness.
const RANDOM_LENGTH = 43;
const CHECKSUM_LENGTH = 6;

/** CRC-32 (IEEE, as zlib computes it) of `body`, base62, left-padded to 6 characters. */
export function secretKeyChecksum(body: string): string {
  return encodeIntBase62(crc32(body), CHECKSUM_LENGTH);
}

export function generateSecretKey(environment: KeyEnvironment): string {
  const body = `ak_${environment}_${randomBase62(RANDOM_LENGTH)}`;
  return body + secretKeyChecksum(body);
}

/**
 * Shape and checksum only — a typo or a truncated paste is rejected here, before any database
 * look-up. A null result says nothing about which part was wrong, on purpose.
 */
export function parseSecretKey(input: string): { environment: KeyEnvironment } | null {
  if (typeof input !== "string") return null;
  const match = SECRET_KEY_RE.exec(input);
  if (!match) return null;
  const body = input.slice(0, -CHECKSUM_LENGTH);
  // The checksum is derived from public characters of the same input, so a plain compare is fine.
  if (secretKeyChecksum(body) !== input.slice(-CHECKSUM_LENGTH)) return null;
  return { environment: match[1] === "live" ? "live" : "test" };
}

/**
 * HMAC with a server-side pepper: a stolen hash table alone cannot be used to test guesses.
 * An empty pepper would silently degrade to a keyed-with-nothing hash, so it is refused.
 */
export function hashSecret(secret: string, pepper: string): string {
  return createHmac("sha256", pepperKey(pepper)).update(secret, "utf8").digest("hex");
}

/**
 * What the in-memory key cache files a secret key under (lib/verify/core/key-cache.ts): SHA-256 in
 * one native call, with no Hmac object per request; the HMAC below is computed only when the
 * database is asked. The pepper is a public domain separator, not a secret, and a key's 256 random
 * bits make either digest impossible to reverse or guess (docs/decisions.md).
 */
export function secretCacheDigest(secret: string): string {
  return hash("sha256", secret, "base64");
}

/** The pepper as a KeyObject, made once: HMAC then skips converting the key on every call. */
const pepperKeys = new Map<string, KeyObject>();
function pepperKey(pepper: string): KeyObject {
  let key = pepperKeys.get(pepper);
  if (!key) {
    if (pepper.length === 0) throw new RangeError("hashSecret needs a non-empty pepper");
    key = createSecretKey(Buffer.from(pepper, "utf8"));
    pepperKeys.set(pepper, key);
  }
  return key;
}

/**
 * What the key list shows: `ak_live_AbCd…wxyz`. Only well-formed keys are accepted, so a
 * mistaken call can never put a short secret on screen in full.
 */
export function displayPrefix(key: string): string {
  if (!SECRET_KEY_RE.test(key)) throw new RangeError("displayPrefix expects a secret key");
  return `${key.slice(0, PREFIX_LENGTH + 4)}…${key.slice(-4)}`;
}
