import { z } from "zod";

/** A signing secret as listed: its last four characters, never the secret. */
export const signingSecret = z.object({
  id: z.string(),
  hint: z.string().describe("The secret's last four characters"),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
  status: z.enum(["active", "retired"]),
});
export type SigningSecretDto = z.infer<typeof signingSecret>;

export const signingSecretList = z.object({ data: z.array(signingSecret), nextCursor: z.null() });

/** POST …/signing-secrets: the new secret, returned once, here. */
export const createdSigningSecret = signingSecret.extend({ secret: z.string() });
