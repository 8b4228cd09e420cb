import { randomBytes } from "node:crypto";
import { constantTimeEqual } from "@/lib/crypto/constant-time";

/**
 * How the client address travels from the socket to route handlers.
 *
 * The custom server (server.ts) knows the TCP peer; Next's route handlers only see headers. The
 * server therefore stamps the resolved address into a header together with a per-process random
 * token that no client can know. A handler trusts the address only when the token matches, so
 * a client sending its own `x-keydesk-client-ip` (or running behind a plain `next start`, which
 * keeps a client's X-Forwarded-For) gets "unknown", never an address of its choosing.
 */
export const CLIENT_IP_HEADER = "x-keydesk-client-ip";
export const PEER_TOKEN_HEADER = "x-keydesk-peer-token";

const TOKEN_KEY = Symbol.for("keydesk.peerToken");
type TokenHolder = { [TOKEN_KEY]?: string };

export function peerToken(): string {
  const holder = globalThis as TokenHolder;
  holder[TOKEN_KEY] ??= randomBytes(24).toString("base64url");
  return holder[TOKEN_KEY];
}

type HeaderSource = { get(name: string): string | null };

export function clientIpFromHeaders(headers: HeaderSource): string {
  const expected = (globalThis as TokenHolder)[TOKEN_KEY];
  const token = headers.get(PEER_TOKEN_HEADER);
  if (!expected || !token || !constantTimeEqual(token, expected)) return "unknown";
  return headers.get(CLIENT_IP_HEADER) ?? "unknown";
}

/** Headers as server.ts would stamp them; for tests that call route handlers directly. */
export function stampedClientIpHeaders(ip: string): Record<string, string> {
  return { [CLIENT_IP_HEADER]: ip, [PEER_TOKEN_HEADER]: peerToken() };
}
