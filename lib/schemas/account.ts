import { z } from "zod";
import { passwordSchema } from "./auth";

/** Requests and answers of the account's own security: two-factor sign-in, password, sessions. */

/**
 * A code from the authenticator app (6 digits) or a recovery code (`abcd-efgh-jkmn`); spaces are
 * ignored, so a code copied as "123 456" is fine.
 */
export const mfaCodeSchema = z
  .string({ message: "Enter the 6-digit code from your authenticator app." })
  .max(40, "Enter the 6-digit code from your authenticator app, or a recovery code.")
  .transform((code) => code.replace(/\s/g, ""))
  .refine((code) => code.length > 0, "Enter the 6-digit code from your authenticator app.")
  .refine(
    (code) => /^\d{6}$/.test(code) || /^[a-z0-9]{4}-?[a-z0-9]{4}-?[a-z0-9]{4}$/i.test(code),
    "Enter the 6-digit code from your authenticator app, or a recovery code.",
  )
  .describe("A 6-digit code from the authenticator app, or one of the recovery codes");

export const mfaCodeInput = z.object({ code: mfaCodeSchema }).strict();
export type MfaCodeInput = z.infer<typeof mfaCodeInput>;

/** Confirming enrolment takes a code from the app only: it proves the app has the secret. */
export const totpCodeInput = z
  .object({
    code: z
      .string({ message: "Enter the 6-digit code from your authenticator app." })
      .transform((code) => code.replace(/\s/g, ""))
      .refine((code) => /^\d{6}$/.test(code), "Enter the 6-digit code from your authenticator app."),
  })
  .strict();

/** POST /api/auth/login/mfa, and the browser's second step. */
export const loginMfaInput = z.object({
  challenge: z.string().min(1).max(200).describe("The `challenge` from the MFA_REQUIRED answer"),
  code: mfaCodeSchema,
});

export const mfaRequiredDetails = z.object({
  challenge: z.string().describe("Send it with a code to POST /api/auth/login/mfa; single use"),
  expiresIn: z.number().int().describe("Seconds the challenge stays valid (300)"),
});

export const mfaStatus = z.object({
  enabled: z.boolean(),
  enabledAt: z.string().nullable(),
  recoveryCodesLeft: z.number().int().describe("Unused recovery codes"),
});
export type MfaStatus = z.infer<typeof mfaStatus>;

/** Shown once, while enrolment is under way; the secret is never sent again afterwards. */
export const mfaEnrolment = z.object({
  secret: z.string().describe("The TOTP secret in base32, for typing into an app"),
  otpauthUri: z.string().describe("otpauth://totp/… — what the QR code encodes"),
  qrCode: z.string().describe("The QR code as a data: URL (SVG)"),
});
export type MfaEnrolment = z.infer<typeof mfaEnrolment>;

export const recoveryCodes = z.object({
  recoveryCodes: z.array(z.string()).describe("10 single-use codes, shown once; Keydesk keeps only hashes"),
});

export const changePasswordInput = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password.").max(200),
    newPassword: passwordSchema,
  })
  .strict()
  .refine((input) => input.newPassword !== input.currentPassword, {
    message: "Choose a password different from the current one.",
    path: ["newPassword"],
  });
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

export const accountSession = z.object({
  id: z.string(),
  kind: z.enum(["browser", "api"]).describe("A dashboard sign-in, or a POST /api/auth/login token family"),
  ip: z.string().nullable().describe("The address it was last seen from"),
  userAgent: z.string().nullable(),
  createdAt: z.string(),
  lastSeenAt: z.string(),
  current: z.boolean().describe("The session making this request"),
});
export type AccountSession = z.infer<typeof accountSession>;
export const accountSessionList = z.object({ data: z.array(accountSession) });

export const securityPolicy = z.object({
  requireMfa: z.boolean().describe("Every member must use two-factor sign-in"),
  membersWithoutMfa: z.number().int().describe("Members who have not turned two-factor sign-in on"),
});
export type SecurityPolicy = z.infer<typeof securityPolicy>;
export const updateSecurityPolicyInput = z.object({ requireMfa: z.boolean() }).strict();
