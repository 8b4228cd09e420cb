import { z } from "zod";
import { normalizeIp } from "@/lib/ip/parse-ip";
import { scopeSchema } from "@/lib/keys/scopes";
import { MAX_CREDENTIAL_LENGTH } from "./credential";

/** POST /api/v1/verify: a gateway asks whether a credential its own API received is good. */
export const verifyInput = z
  .object({
    key: z.string().min(1).max(MAX_CREDENTIAL_LENGTH).optional(),
    token: z.string().min(1).max(MAX_CREDENTIAL_LENGTH).optional(),
    scopes: z.array(scopeSchema).max(50).optional(),
    ip: z
      .string()
      .max(64)
      .transform((value, ctx) => {
        const normalized = normalizeIp(value);
        if (normalized === null) ctx.addIssue({ code: "custom", message: "Not an IPv4 or IPv6 address." });
        return normalized ?? value;
      })
      .optional(),
    environment: z.enum(["live", "test"]).optional(),
  })
  .strict()
  .refine((input) => !(input.key && input.token), {
    message: "Send either key or token, not both.",
    path: ["token"],
  });
export type VerifyInput = z.infer<typeof verifyInput>;
