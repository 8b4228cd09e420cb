import { z } from "zod";
import { MAX_CREDENTIAL_LENGTH } from "@/lib/keys/signed-key";

/** POST /api/v1/leaks: a GitHub secret-scanning alert, up to 1000 tokens in one signed batch. */
export const leakAlerts = z
  .array(
    z.object({
      token: z.string().min(1).max(MAX_CREDENTIAL_LENGTH),
      type: z.string().max(200).optional(),
      url: z.string().max(2048).optional(),
      source: z.string().max(200).optional(),
    }),
  )
  .max(1000);
export type LeakReport = z.infer<typeof leakAlerts>[number];

export const leakResult = z.object({
  received: z.number().int(),
  matched: z.number().int(),
  revoked: z.number().int(),
});
