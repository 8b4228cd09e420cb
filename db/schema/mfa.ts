import { bigint, index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { tenants } from "./tenants";
import { users } from "./users";

/**
 * Two-factor sign-in (TOTP, RFC 6238). One row per user: written when enrolment starts
 * (`enabled_at` null) and enabled once a code from the authenticator app has been confirmed.
 * The secret is sealed (AES-256-GCM under a key derived from AUTH_SECRET, lib/crypto/seal.ts).
 */
export const userMfa = pgTable("user_mfa", {
  userId: text("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secretSealed: text("secret_sealed").notNull(),
  enabledAt: timestamp("enabled_at", { withTimezone: true }),
  /**
   * The 30-second step of the last code accepted. A code is accepted only for a later step, in the
   * same UPDATE that records it, so a code (or an older one) is never accepted twice.
   */
  lastUsedStep: bigint("last_used_step", { mode: "number" }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Single-use recovery codes: only an HMAC of each (lib/crypto/recovery-codes.ts) is stored. */
export const mfaRecoveryCodes = pgTable(
  "mfa_recovery_codes",
  {
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.codeHash] })],
);

/**
 * A password that was right, waiting for its second factor: an opaque token (only its SHA-256 is
 * kept), bound to the user and the workspace the login chose, single-use, short-lived.
 */
export const mfaChallenges = pgTable(
  "mfa_challenges",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("mfa_challenges_user_idx").on(t.userId)],
);
