import "server-only";
import { and, desc, eq, gte } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiKeys, keyAddresses } from "@/db/schema";
import type { KeyAddressDto, NewAddressDto } from "@/lib/schemas/key-addresses";
import type { TenantContext } from "../context";
import { assertKeyVisible } from "./list-log";

/** "New" lasts a day from the moment an address (re)appears (docs/decisions.md). */
export const NEW_FOR_MS = 86_400_000;
const LISTED = 100;

/** The addresses a key was used from, most recently seen first; 404 for a key of another tenant. */
export async function listKeyAddresses(
  ctx: TenantContext,
  keyId: string,
  now = Date.now(),
): Promise<KeyAddressDto[]> {
  await assertKeyVisible(ctx, keyId);
  const db = await getDb();
  const rows = await db
    .select()
    .from(keyAddresses)
    .where(and(eq(keyAddresses.tenantId, ctx.tenantId), eq(keyAddresses.keyId, keyId)))
    .orderBy(desc(keyAddresses.lastSeenAt), keyAddresses.ip)
    .limit(LISTED);
  return rows.map((row) => ({
    address: row.ip,
    firstSeenAt: row.firstSeenAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    count: row.count,
    new: row.newSince !== null && row.newSince.getTime() > now - NEW_FOR_MS,
    newSince: row.newSince?.toISOString() ?? null,
  }));
}

/** Addresses new to any of the tenant's keys in the last 24 h, newest first, with the key's name. */
export async function listNewAddresses(
  ctx: TenantContext,
  now = Date.now(),
): Promise<{ count: number; data: NewAddressDto[] }> {
  const db = await getDb();
  const rows = await db
    .select({
      keyId: keyAddresses.keyId,
      keyName: apiKeys.name,
      address: keyAddresses.ip,
      newSince: keyAddresses.newSince,
      count: keyAddresses.count,
    })
    .from(keyAddresses)
    .innerJoin(apiKeys, and(eq(apiKeys.tenantId, keyAddresses.tenantId), eq(apiKeys.id, keyAddresses.keyId)))
    .where(
      and(eq(keyAddresses.tenantId, ctx.tenantId), gte(keyAddresses.newSince, new Date(now - NEW_FOR_MS))),
    )
    .orderBy(desc(keyAddresses.newSince))
    .limit(LISTED + 1);
  // newSince is not null here: `gte` leaves out the keys' baselines.
  const data = rows.slice(0, 20).map((row) => ({ ...row, newSince: row.newSince!.toISOString() }));
  return { count: rows.length, data };
}
