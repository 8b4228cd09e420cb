import { z } from "zod";

/**
 * Response shapes, for the OpenAPI document only (the code builds responses from typed DTOs).
 * Request bodies are documented from the very schemas the routes validate with.
 */
export const errorBody = z.object({
  error: z.object({
    code: z.string().describe("One of the closed set in lib/api/error-codes.ts"),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
});

export const tokenPair = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  tokenType: z.literal("Bearer"),
  expiresIn: z.literal(3600),
});

export const tenantBody = z.object({
  id: z.string(),
  name: z.string(),
  rateLimitPerMinute: z
    .number()
    .int()
    .nullable()
    .describe("Verifications per minute for the whole tenant; null: no tenant limit"),
  maxTokenLifetimeSeconds: z.number().int(),
  scopeCatalog: z.array(z.string()),
  role: z.enum(["owner", "admin", "viewer"]),
  createdAt: z.string(),
  updatedAt: z.string(),
});

export const apiKeyBody = z.object({
  id: z.string().describe("key_ + 24 base62 characters"),
  name: z.string(),
  description: z.string().nullable(),
  type: z.enum(["secret", "public_key", "signed"]),
  environment: z.enum(["live", "test"]),
  prefix: z.string().nullable().describe("Display form, e.g. ak_live_AbCd…wxyz (secret and signed keys)"),
  fingerprint: z.string().nullable().describe("RFC 7638 JWK thumbprint (public_key keys)"),
  scopes: z.array(z.string()),
  ipAllowlist: z.array(z.string()),
  expiresAt: z.string().nullable(),
  rateLimitPerMinute: z.number().int().nullable(),
  status: z.enum(["active", "expired", "revoked"]),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  lastUsedIp: z.string().nullable(),
  metadata: z.record(z.string(), z.unknown()),
  rotatedFromId: z.string().nullable(),
});

export const createdKeyBody = apiKeyBody.extend({
  key: z
    .string()
    .optional()
    .describe("The secret, for secret and signed keys — returned once, in this response only"),
});

export const keyList = z.object({ data: z.array(apiKeyBody), nextCursor: z.string().nullable() });

export const whoamiBody = z.object({
  keyId: z.string(),
  tenantId: z.string(),
  name: z.string(),
  type: z.enum(["secret", "public_key", "signed"]),
  environment: z.enum(["live", "test"]),
  scopes: z.array(z.string()),
  expiresAt: z.string().nullable(),
});

export const verifyBody = z.union([
  z.object({
    valid: z.literal(true),
    keyId: z.string(),
    tenantId: z.string(),
    environment: z.enum(["live", "test"]),
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
  }),
  z.object({
    valid: z.literal(false),
    code: z.string(),
    message: z.string(),
    details: z.record(z.string(), z.unknown()).optional(),
  }),
]);

export const auditList = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      action: z.string(),
      actor: z.object({ type: z.string(), id: z.string().nullable() }),
      target: z.object({ type: z.string(), id: z.string() }).nullable(),
      ip: z.string().nullable(),
      details: z.record(z.string(), z.unknown()),
      createdAt: z.string(),
    }),
  ),
  nextCursor: z.string().nullable(),
});
