import { Secret, TOTP } from "otpauth";

/**
 * TOTP (RFC 6238) as every authenticator app reads it: SHA-1, 6 digits, 30-second steps, a
 * 160-bit secret (RFC 4226's recommendation). otpauth does the arithmetic; this file fixes the
 * parameters and turns a check into the step it matched, which the caller records so that no code
 * is accepted twice.
 */
export const TOTP_PERIOD_SECONDS = 30;
const DIGITS = 6;
/** One step either side: a code typed just as it rolled over, or a phone clock a little off. */
const WINDOW = 1;

function totp(secretBase32: string, label = "Keydesk"): TOTP {
  return new TOTP({
    issuer: "Keydesk",
    label,
    algorithm: "SHA1",
    digits: DIGITS,
    period: TOTP_PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

/** A fresh secret, as base32 (what the user may type into an app instead of scanning the QR code). */
export function generateTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The `otpauth://totp/…` URI the QR code carries; the label is the account's email. */
export function totpUri(secretBase32: string, accountLabel: string): string {
  return totp(secretBase32, accountLabel).toString();
}

export function isTotpCodeShape(code: string): boolean {
  return /^\d{6}$/.test(code);
}

/**
 * The time step the code belongs to (within one step of `nowMs`), or null when it matches none.
 * Whether that step was already used is for the caller to decide, atomically with recording it.
 */
export function matchTotpStep(secretBase32: string, code: string, nowMs = Date.now()): number | null {
  if (!isTotpCodeShape(code)) return null;
  const delta = totp(secretBase32).validate({ token: code, timestamp: nowMs, window: WINDOW });
  if (delta === null) return null;
  return Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS) + delta;
}

/** The code an app would show at `nowMs` (tests, and nothing else, need to compute one). */
export function totpCodeAt(secretBase32: string, nowMs: number): string {
  return totp(secretBase32).generate({ timestamp: nowMs });
}
