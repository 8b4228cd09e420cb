import { sql } from "drizzle-orm";
import {
  boolean,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { tenants } from "./tenants";

export const webhookDeliveryStatusEnum = pgEnum("webhook_delivery_status", [
  "pending",
  "succeeded",
  "failed",
]);

/**
 * A tenant's webhook endpoint (issue 13). The signing secret is sealed (lib/crypto/seal.ts): the
 * worker must read it back to sign, and a database dump alone must not reveal it. After a rotation
 * the previous secret keeps signing too until `previous_secret_expires_at` (24 h overlap).
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    description: text("description").notNull().default(""),
    eventTypes: jsonb("event_types").$type<string[]>().notNull(),
    enabled: boolean("enabled").notNull().default(true),
    /** Why the endpoint was switched off by Keydesk (410 Gone, 5 days of failures); null otherwise. */
    disabledReason: text("disabled_reason"),
    secret: text("secret").notNull(),
    previousSecret: text("previous_secret"),
    previousSecretExpiresAt: timestamp("previous_secret_expires_at", { withTimezone: true }),
    /** The first failed attempt since the last success: 5 days of failures disable the endpoint. */
    failingSince: timestamp("failing_since", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The target of webhook_deliveries' (tenant_id, endpoint_id) foreign key.
    unique("webhook_endpoints_tenant_id_key").on(t.tenantId, t.id),
    index("webhook_endpoints_tenant_created_idx").on(t.tenantId, t.createdAt, t.id),
  ],
);

/**
 * The outbox: one row per event, written in the transaction of the change that caused it, so an
 * event exists if and only if its change committed. `id` (msg_…) is the Standard Webhooks
 * `webhook-id`, stable across retries.
 */
export const webhookEvents = pgTable(
  "webhook_events",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("webhook_events_tenant_created_idx").on(t.tenantId, t.createdAt)],
);

/** One event for one endpoint: created with the event, in its transaction; the worker's queue. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    tenantId: text("tenant_id").notNull(),
    eventId: text("event_id")
      .notNull()
      .references(() => webhookEvents.id, { onDelete: "cascade" }),
    endpointId: text("endpoint_id").notNull(),
    status: webhookDeliveryStatusEnum("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    lastStatusCode: integer("last_status_code"),
    durationMs: integer("duration_ms"),
    /** At most 1 KiB of the receiver's answer, for the delivery log. */
    responseExcerpt: text("response_excerpt"),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // Same tenant as the endpoint, whatever the code above the database does.
    foreignKey({
      columns: [t.tenantId, t.endpointId],
      foreignColumns: [webhookEndpoints.tenantId, webhookEndpoints.id],
      name: "webhook_deliveries_endpoint_fk",
    }).onDelete("cascade"),
    uniqueIndex("webhook_deliveries_event_endpoint_idx").on(t.eventId, t.endpointId),
    index("webhook_deliveries_endpoint_created_idx").on(t.tenantId, t.endpointId, t.createdAt, t.id),
    // The worker's claim query reads only due pending rows.
    index("webhook_deliveries_due_idx").on(t.nextAttemptAt).where(sql`status = 'pending'`),
  ],
);

/**
 * Which periodic event a key was last sent, and for what (issue 13, slice 5): the expiry job's
 * `key.expiring:7d`, `key.expiring:1d` and `key.expired` with `mark` = the expiry they announced (a
 * changed expiry is a new mark, so an extended key is announced again), and the spike job's
 * `usage.failure_spike` with `mark` = when it was sent (once per hour). Written with an upsert in the
 * transaction of the outbox row, so two instances racing for one event send it once.
 */
export const webhookKeyNotices = pgTable(
  "webhook_key_notices",
  {
    tenantId: text("tenant_id")
      .notNull()
      .references(() => tenants.id, { onDelete: "cascade" }),
    keyId: text("key_id").notNull(),
    notice: text("notice").notNull(),
    mark: timestamp("mark", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.tenantId, t.keyId, t.notice] })],
);
