import { createHash, timingSafeEqual } from "node:crypto";

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * True when no token is configured (metrics are public: they name no tenant, key or address), or
 * when `Authorization: Bearer <token>` carries it. Compared as digests, in constant time.
 */
export function metricsAuthorized(configured: string | undefined, authorization: string | null): boolean {
  if (configured === undefined) return true;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  if (!match) return false;
  return timingSafeEqual(digest(match[1]!), digest(configured));
}
