import { createHash, timingSafeEqual } from "node:crypto";
import { bearerCredential } from "@/lib/http/bearer";

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * True when no token is configured (metrics are public: they name no tenant, key or address), or
 * when `Authorization: Bearer <token>` carries it. Compared as digests, in constant time.
 */
export function metricsAuthorized(configured: string | undefined, authorization: string | null): boolean {
  if (configured === undefined) return true;
  const token = bearerCredential(authorization);
  if (token === null) return false;
  return timingSafeEqual(digest(token), digest(configured));
}
