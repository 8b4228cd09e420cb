import "server-only";
import QRCode from "qrcode";
import { getDb } from "@/db/client";
import { generateRecoveryCodes, hashRecoveryCode } from "@/lib/crypto/recovery-codes";
import { generateTotpSecret, matchTotpStep, totpUri } from "@/lib/crypto/totp";
import { findAccountEmail } from "@/lib/dal/account-password";
import type { TenantContext } from "@/lib/dal/context";
import { disableMfa, enableMfa, findPendingMfaSecret, startMfaEnrolment } from "@/lib/dal/mfa";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import type { MfaEnrolment } from "@/lib/schemas/account";
import { sealTotpSecret, spendSecondFactor, unsealTotpSecret, withCodeThrottle } from "./second-factor";

/** A wrong code in a signed-in form: said under the field, not as a 401 that reads as "signed out". */
function wrongCode(message = "That code is not correct, or it was already used. Try the next one.") {
  return new AppError("VALIDATION_ERROR", message, { fields: [{ path: "code", message }] });
}

/**
 * Enrolment, step 1: a new secret, sealed at rest, returned this once with its otpauth URI and QR
 * code. Nothing is on until a code from the app confirms it (step 2).
 */
export async function beginMfaEnrolment(ctx: TenantContext): Promise<MfaEnrolment> {
  const email = await findAccountEmail(ctx.userId);
  const secret = generateTotpSecret();
  await startMfaEnrolment(ctx, sealTotpSecret(secret));
  const otpauthUri = totpUri(secret, email ?? ctx.userId);
  const svg = await QRCode.toString(otpauthUri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return {
    secret,
    otpauthUri,
    qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`,
  };
}

/**
 * Enrolment, step 2: the code proves the app holds the secret. 2FA is then on, that code's step is
 * spent, and 10 recovery codes are returned — the only time they exist outside a hash.
 */
export async function confirmMfaEnrolment(
  ctx: TenantContext,
  code: string,
  nowMs = Date.now(),
): Promise<string[]> {
  const sealed = await findPendingMfaSecret(ctx.userId);
  if (!sealed) throw new AppError("CONFLICT", "No set-up is under way. Start again.");
  const step = await withCodeThrottle(ctx.userId, ctx.ip, async () =>
    matchTotpStep(unsealTotpSecret(sealed), code, nowMs),
  );
  if (step === null) throw wrongCode();
  const codes = generateRecoveryCodes();
  const authSecret = getEnv().authSecret;
  await enableMfa(ctx, {
    secretSealed: sealed,
    step,
    recoveryCodeHashes: codes.map((c) => hashRecoveryCode(c.replaceAll("-", ""), authSecret)),
  });
  return codes;
}

/** Turning 2FA off asks for a code (from the app, or a recovery code), throttled like any other. */
export async function turnOffMfa(ctx: TenantContext, code: string): Promise<void> {
  const db = await getDb();
  const method = await withCodeThrottle(ctx.userId, ctx.ip, () => spendSecondFactor(db, ctx.userId, code));
  if (!method) throw wrongCode("That code is not correct, or it was already used.");
  await disableMfa(ctx, method);
}
