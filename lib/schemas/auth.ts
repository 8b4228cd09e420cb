import { z } from "zod";

/** Requests and answers of /api/auth/* and the sign-up and login forms. */

export const passwordSchema = z
  .string()
  .min(10, "Use at least 10 characters.")
  .max(200, "Use at most 200 characters.");

export const emailSchema = z
  .string()
  .trim()
  .max(254, "Use at most 254 characters.")
  .pipe(z.email("Enter a valid email address."))
  .transform((email) => email.toLowerCase());

export const tenantNameSchema = z
  .string()
  .trim()
  .min(2, "Use at least 2 characters.")
  .max(80, "Use at most 80 characters.");

export const registerInput = z.object({
  email: emailSchema,
  password: passwordSchema,
  tenantName: tenantNameSchema,
});
export type RegisterInput = z.infer<typeof registerInput>;

/** Login does not re-apply the sign-up password rules: an old password must still be accepted. */
export const loginInput = z.object({
  email: emailSchema,
  password: z.string().min(1, "Enter your password.").max(200),
  tenantId: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .describe("The workspace to log in to; without it, the one used last"),
});

export const refreshInput = z.object({ refreshToken: z.string().min(1).max(2048) });

export const logoutInput = z.object({ refreshToken: z.string().min(1).max(2048).optional() });

/** What login and refresh answer; the refresh token is shown once, here. */
export const tokenPair = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  tokenType: z.literal("Bearer"),
  expiresIn: z.number().int().describe("Seconds until the access token expires (3600)"),
});
export type TokenPair = z.infer<typeof tokenPair>;

export const registered = z.object({
  user: z.object({ id: z.string(), email: z.string() }),
  tenant: z.object({ id: z.string(), name: z.string(), role: z.literal("owner") }),
});
export type Registered = z.infer<typeof registered>;
