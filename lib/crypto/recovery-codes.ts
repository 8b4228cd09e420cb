import { createHmac, hkdfSync, randomInt } from "node:crypto";

/**
 * Recovery codes: 10 per enrolment, each usable once, for signing in without the authenticator.
 * 12 characters from 31 letters and digits without look-alikes (59 bits), shown as `abcd-efgh-jkmn`.
 * Stored as an HMAC under a key derived from AUTH_SECRET: a database dump alone cannot be used to
 * test guesses, and the codes are random enough that no slow hash is needed with the key.
 */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const GROUPS = 3;
const GROUP_LENGTH = 4;

export function generateRecoveryCodes(count = RECOVERY_CODE_COUNT): string[] {
  return Array.from({ length: count }, () =>
    Array.from({ length: GROUPS }, () =>
      Array.from({ length: GROUP_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join(""),
    ).join("-"),
  );
}

/** Case, spaces and dashes as typed do not matter; null when it cannot be a recovery code. */
export function normalizeRecoveryCode(input: string): string | null {
  const compact = input.toLowerCase().replace(/[\s-]/g, "");
  if (compact.length !== GROUPS * GROUP_LENGTH) return null;
  for (const char of compact) if (!ALPHABET.includes(char)) return null;
  return compact;
}

const keyCache = new Map<string, Buffer>();

function hmacKey(authSecret: string): Buffer {
  let key = keyCache.get(authSecret);
  if (!key) {
    key = Buffer.from(hkdfSync("sha256", authSecret, "keydesk", "recovery-code-v1", 32));
    keyCache.set(authSecret, key);
  }
  return key;
}

/** The stored form of a normalized code. */
export function hashRecoveryCode(normalized: string, authSecret: string): string {
  return createHmac("sha256", hmacKey(authSecret)).update(normalized, "utf8").digest("hex");
}
