import { z } from "zod";
import { metadataSchema } from "@/lib/keys/metadata";
import { namedLimitDto, namedLimitsSchema } from "@/lib/ratelimit/named-limits";
import { granularitySchema, usageSeries } from "./usage";

/** `idn_` + 24 base62 characters; anything else cannot be an identity (a clear 400, not a 404). */
export const identityIdSchema = z.string().regex(/^idn_[0-9A-Za-z]{24}$/, "Not an identity id (idn_…).");

/**
 * The tenant's own id for its customer: 1 to 256 printable characters, no surrounding spaces — it
 * is matched exactly, so " acme" and "acme" would otherwise be two customers by accident.
 */
export const externalIdSchema = z
  .string()
  .min(1, "Give the external id (your customer's id).")
  .max(256, "Use at most 256 characters.")
  .regex(/^[^\p{C}]*$/u, "Use printable characters only (no control characters).")
  .refine((value) => value.trim() === value, "Remove the leading or trailing spaces.");

export const createIdentityInput = z
  .object({
    externalId: externalIdSchema,
    metadata: metadataSchema.default({}),
    ratelimits: namedLimitsSchema.default([]),
  })
  .strict();
export type CreateIdentityInput = z.infer<typeof createIdentityInput>;

export const updateIdentityInput = z
  .object({ externalId: externalIdSchema, metadata: metadataSchema, ratelimits: namedLimitsSchema })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, "Send at least one field to change.");
export type UpdateIdentityInput = z.infer<typeof updateIdentityInput>;

export const listIdentitiesQuery = z
  .object({
    externalId: z.string().max(256).optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();
export type ListIdentitiesQuery = z.infer<typeof listIdentitiesQuery>;

export const identity = z.object({
  id: z.string().describe("idn_ + 24 base62 characters"),
  externalId: z.string(),
  metadata: z.record(z.string(), z.unknown()),
  ratelimits: z.array(namedLimitDto).describe("Shared by all the identity's keys"),
  keyCount: z.number().int().describe("Keys linked to this identity (revoked ones included)"),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type IdentityDto = z.infer<typeof identity>;

export const identityPage = z.object({ data: z.array(identity), nextCursor: z.string().nullable() });
export type IdentityPage = z.infer<typeof identityPage>;

/** GET …/identities/{id}/usage: the usage query without keyId (the identity's keys are the filter). */
export const identityUsageQuery = z
  .object({
    from: z.iso.datetime({ offset: true }).optional(),
    to: z.iso.datetime({ offset: true }).optional(),
    interval: granularitySchema.optional(),
  })
  .strict();
export type IdentityUsageQuery = z.infer<typeof identityUsageQuery>;

export const identityUsage = usageSeries.extend({ identityId: z.string() });
