import { consumerRoute } from "@/lib/http/core";
import { verifyCore } from "@/lib/verify/http/consumer-routes";

export const dynamic = "force-dynamic";

/**
 * For gateways: always 200 with `{valid, …}` for a well-formed request (400 only for a malformed
 * one). Without `ip`, the allowlist is checked against the caller's own address — a gateway should
 * send `ip`. In production server.ts serves this same handler's `core` from the socket.
 */
export const POST = consumerRoute(verifyCore);
