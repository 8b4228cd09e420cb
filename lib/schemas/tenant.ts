import { z } from "zod";
import { scopeListSchema } from "@/lib/keys/scopes";
import { tenantNameSchema } from "./auth";

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

export const roleSchema = z.enum(["owner", "admin", "viewer"]);

/** The tenant as the DAL answers it. */
export const tenant = z.object({
  id: z.string(),
  name: z.string(),
  rateLimitPerMinute: z.number().int(),
  maxTokenLifetimeSeconds: z.number().int(),
  scopeCatalog: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TenantDto = z.infer<typeof tenant>;

/** GET and PATCH /api/tenants/me: the tenant and the caller's role in it. */
export const tenantWithRole = tenant.extend({ role: roleSchema });
