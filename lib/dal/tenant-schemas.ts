import { z } from "zod";
import { tenantNameSchema } from "@/lib/auth/schemas";
import { scopeListSchema } from "@/lib/keys/scopes";

export const updateTenantInput = z
  .object({
    name: tenantNameSchema,
    rateLimitPerMinute: z.number().int().min(1).max(1_000_000),
    maxTokenLifetimeSeconds: z.number().int().min(30).max(3600),
    scopeCatalog: scopeListSchema,
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, "Send at least one field to change.");
