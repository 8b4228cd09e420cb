import { z } from "zod";
import { allowlistSchema } from "@/lib/ip/allowlist";
import { metadataSchema } from "@/lib/keys/metadata";
import { scopeListSchema } from "@/lib/keys/scopes";
import { namedLimitDto, namedLimitsSchema } from "@/lib/ratelimit/named-limits";
import { externalIdSchema, identityIdSchema } from "./identities";

export const MAX_GRACE_PERIOD_SECONDS = 7 * 24 * 3600;
/** A forgotten grace period should not take production down: the old key keeps working for a day. */
export const DEFAULT_GRACE_PERIOD_SECONDS = 24 * 3600;

const nameSchema = z.string().trim().min(1, "Give the key a name.").max(100, "Use at most 100 characters.");
const descriptionSchema = z.string().trim().max(500, "Use at most 500 characters.").nullable();
const expiresAtSchema = z.iso
  .datetime({ offset: true, message: "Use an ISO-8601 date-time, e.g. 2027-06-30T23:59:59Z." })
  .transform((value) => new Date(value))
  .refine((date) => date.getTime() > Date.now(), "The expiry must be in the future.")
  .nullable();

const keyRateLimitSchema = z.number().int().min(1).max(1_000_000).nullable();

/** A balance's ceiling: far above any plan, well inside PostgreSQL's integer. */
export const MAX_CREDITS = 1_000_000_000;
const creditAmountSchema = z
  .number()
  .int("Use a whole number.")
  .min(0, "Use 0 or more.")
  .max(MAX_CREDITS, `Use at most ${MAX_CREDITS}.`);

export const refillIntervalSchema = z.enum(["daily", "monthly"]);

/** Resets the balance to `amount` at 00:00 UTC each day, or each month on dayOfMonth (default 1). */
export const creditRefillInput = z
  .object({
    interval: refillIntervalSchema,
    amount: creditAmountSchema,
    dayOfMonth: z
      .number()
      .int()
      .min(1, "Use a day from 1 to 31.")
      .max(31, "Use a day from 1 to 31.")
      .optional(),
  })
  .strict()
  .refine((refill) => refill.interval === "monthly" || refill.dayOfMonth === undefined, {
    message: "Only monthly refills take a dayOfMonth.",
    path: ["dayOfMonth"],
  });

/** A key's credits; null: unlimited. Setting them replaces the balance and the refill together. */
export const creditsInput = z
  .object({ remaining: creditAmountSchema, refill: creditRefillInput.nullable().optional() })
  .strict()
  .nullable();
export type CreditsInput = z.infer<typeof creditsInput>;

/** POST …/api-keys/{id}/credits: decrement stops at 0 (docs/decisions.md). */
export const adjustCreditsInput = z
  .object({ op: z.enum(["set", "increment", "decrement"]), amount: creditAmountSchema })
  .strict();
export type AdjustCreditsInput = z.infer<typeof adjustCreditsInput>;

/** A key links to one identity: by its id or by the tenant's external id, not both. */
function oneIdentityReference(
  input: { identityId?: string | null; externalId?: string | null },
  ctx: z.RefinementCtx,
) {
  if (input.identityId !== undefined && input.externalId !== undefined) {
    ctx.addIssue({
      code: "custom",
      path: ["externalId"],
      message: "Send identityId or externalId, not both (null in either unlinks the identity).",
    });
  }
}

export const keyTypeSchema = z.enum(["secret", "public_key", "signed"]);
export const environmentSchema = z.enum(["live", "test"]);

export const createKeyInput = z
  .object({
    name: nameSchema,
    description: descriptionSchema.optional(),
    type: keyTypeSchema.default("secret"),
    environment: environmentSchema.default("live"),
    scopes: scopeListSchema.default([]),
    publicKey: z
      .string()
      .max(16 * 1024)
      .optional(),
    ipAllowlist: allowlistSchema.default([]),
    expiresAt: expiresAtSchema.optional(),
    rateLimitPerMinute: keyRateLimitSchema.optional(),
    metadata: metadataSchema.default({}),
    credits: creditsInput.optional(),
    identityId: identityIdSchema.nullable().optional(),
    externalId: externalIdSchema.nullable().optional(),
    ratelimits: namedLimitsSchema.default([]),
  })
  .strict()
  .superRefine(oneIdentityReference)
  .superRefine((input, ctx) => {
    if (input.type === "public_key" && !input.publicKey) {
      ctx.addIssue({
        code: "custom",
        path: ["publicKey"],
        message: "A public_key key needs the PEM public key (public.pem).",
      });
    }
    if (input.type !== "public_key" && input.publicKey !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["publicKey"],
        message: "Only public_key keys take a publicKey.",
      });
    }
  });
export type CreateKeyInput = z.infer<typeof createKeyInput>;

export const updateKeyInput = z
  .object({
    name: nameSchema,
    description: descriptionSchema,
    scopes: scopeListSchema,
    ipAllowlist: allowlistSchema,
    expiresAt: expiresAtSchema,
    rateLimitPerMinute: keyRateLimitSchema,
    metadata: metadataSchema,
    credits: creditsInput,
    identityId: identityIdSchema.nullable(),
    externalId: externalIdSchema.nullable(),
    ratelimits: namedLimitsSchema,
  })
  .partial()
  .strict()
  .superRefine(oneIdentityReference)
  .refine((patch) => Object.keys(patch).length > 0, "Send at least one field to change.");
export type UpdateKeyInput = z.infer<typeof updateKeyInput>;

export const rotateKeyInput = z
  .object({
    gracePeriodSeconds: z
      .number()
      .int()
      .min(0)
      .max(MAX_GRACE_PERIOD_SECONDS, "At most 7 days (604800 seconds).")
      .default(DEFAULT_GRACE_PERIOD_SECONDS),
    publicKey: z
      .string()
      .max(16 * 1024)
      .optional(),
  })
  .strict();
export type RotateKeyInput = z.infer<typeof rotateKeyInput>;

export const revokeKeyInput = z.object({ reason: z.string().trim().min(1).max(200).optional() }).strict();

export const keyStatusSchema = z.enum(["active", "expired", "revoked"]);
export type KeyStatus = z.infer<typeof keyStatusSchema>;

export const listKeysQuery = z
  .object({
    status: keyStatusSchema.optional(),
    environment: environmentSchema.optional(),
    type: keyTypeSchema.optional(),
    identityId: z.string().max(64).optional().describe("Only the keys linked to this identity"),
    limit: z.coerce.number().int().min(1).max(100).default(50),
    cursor: z.string().max(200).optional(),
  })
  .strict();
export type ListKeysQuery = z.infer<typeof listKeysQuery>;

/** The key as callers see it. Never the hash, never the secret (that is returned once, beside it). */
export const apiKey = z.object({
  id: z.string().describe("key_ + 24 base62 characters"),
  name: z.string(),
  description: z.string().nullable(),
  type: keyTypeSchema,
  environment: environmentSchema,
  prefix: z.string().nullable().describe("Display form, e.g. ak_live_AbCd…wxyz (secret and signed keys)"),
  fingerprint: z.string().nullable().describe("RFC 7638 JWK thumbprint (public_key keys)"),
  scopes: z.array(z.string()),
  ipAllowlist: z.array(z.string()),
  expiresAt: z.string().nullable(),
  rateLimitPerMinute: z.number().int().nullable(),
  status: keyStatusSchema,
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  lastUsedIp: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  rotatedFromId: z.string().nullable(),
  credits: z
    .object({
      remaining: z.number().int().describe("The balance, with any refill that is due applied"),
      refill: z
        .object({
          interval: refillIntervalSchema,
          amount: z.number().int(),
          dayOfMonth: z.number().int().nullable(),
        })
        .nullable(),
      nextRefillAt: z.string().nullable().describe("ISO-8601 (UTC); null when there is no refill"),
    })
    .nullable()
    .describe("null: unlimited"),
  identity: z
    .object({ id: z.string(), externalId: z.string() })
    .nullable()
    .describe("The tenant's customer this key belongs to (its named rate limits are shared)"),
  ratelimits: z.array(namedLimitDto).describe("The key's own named rate limits"),
});
export type ApiKeyDto = z.infer<typeof apiKey>;

/** POST …/api-keys and …/rotate: the key and, for secret and signed keys, the secret, once. */
export const createdKey = apiKey.extend({
  key: z
    .string()
    .optional()
    .describe("The secret, for secret and signed keys — returned once, in this response only"),
});

export const keyPage = z.object({ data: z.array(apiKey), nextCursor: z.string().nullable() });
export type KeyPage = z.infer<typeof keyPage>;
