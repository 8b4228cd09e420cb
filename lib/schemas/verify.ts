import { z } from "zod";
import { normalizeIp } from "@/lib/ip/parse-ip";
import { scopeSchema } from "@/lib/keys/scopes";
import { MAX_CREDENTIAL_LENGTH } from "@/lib/keys/signed-key";
import { MAX_NAMED_LIMITS, namedLimitNameSchema } from "@/lib/ratelimit/named-limits";
import { environmentSchema, keyTypeSchema } from "./api-keys";

export const MAX_VERIFY_COST = 1000;

/** The balance after this verification; null when the key has no credits (unlimited). */
export const creditBalance = z
  .object({
    remaining: z.number().int(),
    nextRefillAt: z.string().nullable().describe("ISO-8601 (UTC) of the next refill; null: none"),
  })
  .nullable();

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
    environment: environmentSchema.optional(),
    cost: z
      .number()
      .int("Use a whole number of credits.")
      .min(0, "Use 0 or more.")
      .max(MAX_VERIFY_COST, `Use at most ${MAX_VERIFY_COST}.`)
      .optional()
      .describe("Credits this verification spends from a key that has credits (default 1)"),
    ratelimits: z
      .array(
        z
          .object({
            name: namedLimitNameSchema,
            cost: z.number().int().min(0).max(1000, "At most 1000.").optional(),
          })
          .strict(),
      )
      .max(MAX_NAMED_LIMITS, `At most ${MAX_NAMED_LIMITS} rate limits.`)
      .optional()
      .describe(
        "Named limits to check besides the auto-applied ones; names neither the key nor its identity has are ignored",
      ),
  })
  .strict()
  .refine((input) => !(input.key && input.token), {
    message: "Send either key or token, not both.",
    path: ["token"],
  });
export type VerifyInput = z.infer<typeof verifyInput>;

const verifyNamedLimits = z.array(
  z.object({
    name: z.string(),
    limit: z.number(),
    remaining: z.number(),
    reset: z.number().describe("Unix time (ms) when the limit is full again"),
  }),
);

const keyIdentity = z
  .object({ id: z.string(), externalId: z.string(), metadata: z.record(z.string(), z.unknown()) })
  .nullable()
  .describe("The tenant's customer the key belongs to, if any");

/** GET /api/v1/whoami: the key behind the credential. */
export const whoami = z.object({
  keyId: z.string(),
  tenantId: z.string(),
  name: z.string(),
  type: keyTypeSchema,
  environment: environmentSchema,
  scopes: z.array(z.string()),
  expiresAt: z.string().nullable(),
  credits: creditBalance,
  identity: keyIdentity,
});
export type WhoamiDto = z.infer<typeof whoami>;

export const verifyValid = z.object({
  valid: z.literal(true),
  keyId: z.string(),
  tenantId: z.string(),
  environment: environmentSchema,
  scopes: z.array(z.string()),
  expiresAt: z.string().nullable(),
  meta: z.record(z.string(), z.unknown()),
  ratelimit: z
    .object({
      limit: z.number(),
      remaining: z.number(),
      reset: z.number().describe("Unix time (ms) when the budget is full again"),
    })
    .nullable()
    .describe("The tighter of the tenant's and the key's limits; null when neither has one"),
  credits: creditBalance,
  identity: keyIdentity,
  ratelimits: verifyNamedLimits.describe("Each named limit checked (auto-applied or asked for)"),
  unknownRatelimits: z
    .array(z.string())
    .optional()
    .describe("Names asked for that neither the key nor its identity has: ignored, listed here"),
});

export const verifyInvalid = z.object({
  valid: z.literal(false),
  code: z.string(),
  message: z.string(),
  details: z
    .record(z.string(), z.unknown())
    .optional()
    .describe("RATE_LIMITED: {retryAfter, ratelimit?: the refused named limit}"),
  ratelimits: verifyNamedLimits.optional().describe("RATE_LIMITED by a named limit: each one checked"),
});

/** POST /api/v1/verify: always 200 for a well-formed request. */
export const verifyResult = z.union([verifyValid, verifyInvalid]);
export type VerifyResultDto = z.infer<typeof verifyResult>;
