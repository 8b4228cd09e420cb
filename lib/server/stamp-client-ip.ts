import type { IncomingMessage } from "node:http";
import { CLIENT_IP_HEADER, PEER_TOKEN_HEADER, peerToken } from "@/lib/http/client-ip";
import { compileAllowlist } from "@/lib/ip/allowlist";
import { resolveClientIp } from "@/lib/ip/client-ip";

export type ProxyTrust = { trustProxyHops: number; trustedProxies: string[] };

/**
 * Resolves the client address from the socket (and, only when the operator opted in, from
 * X-Forwarded-For) and stamps it on the request for the app. Client-sent copies of the internal
 * headers are removed first, and X-Forwarded-For is dropped unless proxies are trusted, so nothing
 * downstream can be fooled by it.
 */
export function createClientIpStamper(trust: ProxyTrust) {
  const trustedProxies = trust.trustedProxies.length > 0 ? compileAllowlist(trust.trustedProxies) : undefined;
  const trustsForwarding = trust.trustProxyHops > 0 || trustedProxies !== undefined;
  const token = peerToken();

  return function stamp(req: IncomingMessage): string {
    const ip = resolveClientIp({
      peerAddress: req.socket.remoteAddress,
      forwardedFor: trustsForwarding ? req.headers["x-forwarded-for"] : undefined,
      trustProxyHops: trust.trustProxyHops,
      trustedProxies,
    });
    // Deleted only when sent: a delete turns the headers object into a slow dictionary.
    if (!trustsForwarding && req.headers["x-forwarded-for"] !== undefined)
      delete req.headers["x-forwarded-for"];
    req.headers[CLIENT_IP_HEADER] = ip;
    req.headers[PEER_TOKEN_HEADER] = token;
    return ip;
  };
}
