import { z } from "zod";
import { scopeListSchema } from "@/lib/keys/scopes";
import { MAX_RATE_LIMIT_PER_MINUTE } from "@/lib/ratelimit/tenant-limit";
import { tenantNameSchema } from "./auth";

/**
 * Verifications per minute for the whole tenant, or null for no tenant limit. The operator's
 * ceiling (TENANT_RATE_LIMIT_MAX) is checked by updateTenant, since it is configuration, not shape.
 */
export const tenantRateLimitSchema = z
  .number({ message: "Enter a whole number of verifications per minute, or null for no tenant limit." })
  .int("Use a whole number of verifications per minute.")
  .min(1, "At least 1 per minute; null removes the tenant limit.")
  .max(MAX_RATE_LIMIT_PER_MINUTE, `At most ${MAX_RATE_LIMIT_PER_MINUTE} per minute.`)
  .nullable()
  .describe("Verifications per minute for the whole tenant; null: no tenant limit (Unlimited)");

export const updateTenantInput = z
  .object({
    name: tenantNameSchema,
    rateLimitPerMinute: tenantRateLimitSchema,
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
  rateLimitPerMinute: z
    .number()
    .int()
    .nullable()
    .describe("Verifications per minute for the whole tenant; null: no tenant limit"),
  maxTokenLifetimeSeconds: z.number().int(),
  scopeCatalog: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TenantDto = z.infer<typeof tenant>;

/** GET and PATCH /api/tenants/me: the tenant and the caller's role in it. */
export const tenantWithRole = tenant.extend({ role: roleSchema });
