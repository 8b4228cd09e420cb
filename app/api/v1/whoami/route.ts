import { consumerRoute } from "@/lib/http/core";
import { whoamiCore } from "@/lib/verify/http/consumer-routes";

export const dynamic = "force-dynamic";

/**
 * Who am I? The key behind `X-API-Key` or `Authorization: Bearer` (secret key, signed key or
 * ES256 JWT). In production server.ts serves this same handler's `core` from the socket.
 */
export const GET = consumerRoute(whoamiCore);
