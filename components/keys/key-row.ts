import type { ApiKeyDto } from "@/lib/schemas/api-keys";

/** What one row of the keys table shows; the page and "Load more" send only this to the browser. */
export type KeyRowData = Pick<
  ApiKeyDto,
  | "id"
  | "name"
  | "type"
  | "environment"
  | "prefix"
  | "fingerprint"
  | "scopes"
  | "status"
  | "expiresAt"
  | "revokedReason"
  | "lastUsedAt"
  | "lastUsedIp"
  | "createdAt"
  | "credits"
>;

export function toKeyRow(key: ApiKeyDto): KeyRowData {
  return {
    id: key.id,
    name: key.name,
    type: key.type,
    environment: key.environment,
    prefix: key.prefix,
    fingerprint: key.fingerprint,
    scopes: key.scopes,
    status: key.status,
    expiresAt: key.expiresAt,
    revokedReason: key.revokedReason,
    lastUsedAt: key.lastUsedAt,
    lastUsedIp: key.lastUsedIp,
    createdAt: key.createdAt,
    credits: key.credits,
  };
}
