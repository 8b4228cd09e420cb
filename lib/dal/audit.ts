import "server-only";
import type { Transaction } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { Actor } from "./context";

export type AuditInput = {
  tenantId: string;
  actor: Actor;
  action: string;
  target?: { type: string; id: string };
  ip: string | null;
  details?: Record<string, unknown>;
};

/** Called inside the transaction of the change it records, so an event exists iff the change does. */
export async function recordAudit(tx: Transaction, input: AuditInput): Promise<void> {
  await tx.insert(auditEvents).values({
    tenantId: input.tenantId,
    actorType: input.actor.type,
    actorId: input.actor.type === "system" ? null : input.actor.id,
    action: input.action,
    targetType: input.target?.type ?? null,
    targetId: input.target?.id ?? null,
    ip: input.ip,
    details: input.details ?? {},
  });
}

type Target = { type: string; id: string };

/** A change made by the caller: tenant, actor and address come from its context, never from input. */
export function auditByCaller(
  tx: Transaction,
  caller: { tenantId: string; actor: Actor; ip: string | null },
  action: string,
  target: Target,
  details?: Record<string, unknown>,
): Promise<void> {
  return recordAudit(tx, {
    tenantId: caller.tenantId,
    actor: caller.actor,
    action,
    target,
    ip: caller.ip,
    details,
  });
}
