import { z } from "zod";
import { passwordSchema } from "./password";

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
});

export const refreshInput = z.object({ refreshToken: z.string().min(1).max(2048) });

export const logoutInput = z.object({ refreshToken: z.string().min(1).max(2048).optional() });
