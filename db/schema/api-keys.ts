import { sql } from "drizzle-orm";
import {
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { identities, type StoredNamedLimit } from "./identities";
import { tenants } from "./tenants";

export const keyTypeEnum = pgEnum("api_key_type", ["secret", "public_key", "signed"]);
export const environmentEnum = pgEnum("api_key_environment", ["live", "test"]);
export const creditRefillIntervalEnum = pgEnum("credit_refill_interval", ["daily", "monthly"]);

export const apiKeys = pgTable(
  "api_keys",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    description: text("description"),
    type: keyTypeEnum("type").notNull(),
    environment: environmentEnum("environment").notNull(),
    /** secret keys: hash of the key (never the key); null for the other types. */
    secretHash: text("secret_hash"),
    /** secret and signed keys: the display form, e.g. `ak_live_AbCd…wxyz`. */
    displayPrefix: text("display_prefix"),
    /** public_key keys: the normalized SPKI PEM and its RFC 7638 thumbprint. */
    publicKeyPem: text("public_key_pem"),
    fingerprint: text("fingerprint"),
    scopes: text("scopes").array().notNull().default([]),
    ipAllowlist: text("ip_allowlist").array().notNull().default([]),
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    /** Optional per-key limit (verifications per minute), on top of the tenant's. */
    rateLimitPerMinute: integer("rate_limit_per_minute"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: text("created_by"),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    lastUsedIp: text("last_used_ip"),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedReason: text("revoked_reason"),
    rotatedFromId: text("rotated_from_id"),
    /**
     * Credits (issue 12): null = unlimited. The balance lives here, not in Redis, and is spent by one
     * conditional UPDATE (lib/dal/credits/spend-credits.ts; docs/decisions.md).
     */
    creditsRemaining: integer("credits_remaining"),
    creditsRefillInterval: creditRefillIntervalEnum("credits_refill_interval"),
    creditsRefillAmount: integer("credits_refill_amount"),
    /** monthly refills: 1–31, clamped to the month's last day. */
    creditsRefillDay: smallint("credits_refill_day"),
    /** When the balance was last set or refilled: a refill is due once a boundary passes after it. */
    creditsRefilledAt: timestamp("credits_refilled_at", { withTimezone: true }),
    /**
     * What `credits.low` measures 10 % of: the refill amount, or the balance last set when the key
     * has no refill (docs/decisions.md). Null when the key has no credits.
     */
    creditsBaseline: integer("credits_baseline"),
    /** The tenant's customer this key belongs to (issue 12), if any. */
    identityId: text("identity_id"),
    /** Named rate limits of the key itself (issue 12). */
    ratelimits: jsonb("ratelimits").$type<StoredNamedLimit[]>().notNull().default([]),
  },
  (t) => [
    uniqueIndex("api_keys_secret_hash_idx").on(t.secretHash).where(sql`${t.secretHash} is not null`),
    index("api_keys_tenant_created_idx").on(t.tenantId, t.createdAt, t.id),
    // The expiry job (lib/webhooks/expiry-job.ts) walks live keys by expiry, a bounded window at a time.
    index("api_keys_live_expires_at_idx")
      .on(t.expiresAt)
      .where(sql`${t.revokedAt} is null and ${t.expiresAt} is not null`),
    check("api_keys_credits_non_negative", sql`${t.creditsRemaining} >= 0`),
    // The credit alert sweep (lib/dal/key-alerts/credit-events.ts) reads only live keys with credits.
    index("api_keys_live_credits_idx")
      .on(t.tenantId)
      .where(sql`${t.revokedAt} is null and ${t.creditsRemaining} is not null`),
    index("api_keys_tenant_identity_idx")
      .on(t.tenantId, t.identityId)
      .where(sql`${t.identityId} is not null`),
    // Composite: the identity must belong to the key's own tenant. No cascade: deleting an identity
    // that still has keys is refused (the DAL answers 409 first, with a clear message).
    foreignKey({
      name: "api_keys_identity_fk",
      columns: [t.tenantId, t.identityId],
      foreignColumns: [identities.tenantId, identities.id],
    }),
  ],
);

/** Per-tenant HMAC secrets for signed keys, newest first; older ones verify until retired. */
export const signingSecrets = pgTable(
  "signing_secrets",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    secret: text("secret").notNull(),
    hint: text("hint").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    retiredAt: timestamp("retired_at", { withTimezone: true }),
  },
  (t) => [index("signing_secrets_tenant_idx").on(t.tenantId, t.createdAt)],
);
