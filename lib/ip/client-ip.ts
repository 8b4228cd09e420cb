import type { IpRangeMatcher } from "./ip-range-set";
import { normalizeIp } from "./parse-ip";

export const UNKNOWN_CLIENT_IP = "unknown";

export interface ClientIpInput {
  /** The TCP peer (`socket.remoteAddress`); undefined once the socket is gone. */
  peerAddress: string | undefined;
  /** Raw `X-Forwarded-For` value(s); several header lines are read in order, as one list. */
  forwardedFor: string | readonly string[] | undefined;
  /** How many proxies the operator runs in front of Keydesk (TRUST_PROXY_HOPS); 0 trusts none. */
  trustProxyHops: number;
  /** Addresses of the operator's proxies; when non-empty it takes precedence over the hop count. */
  trustedProxies?: IpRangeMatcher;
}

/**
 * The address the request came from, normalized, or "unknown".
 *
 * By default this is the TCP peer and X-Forwarded-For is ignored outright: any client can send that
 * header (and `next start` passes it through), so honouring it would let a caller pick the address
 * an IP allowlist checks. Forwarded addresses are read only when the operator says which proxies
 * append them, and only the entries those proxies wrote are believed.
 */
export function resolveClientIp(input: ClientIpInput): string {
  const peer = input.peerAddress === undefined ? null : normalizeIp(input.peerAddress);
  const trusted = input.trustedProxies;
  if (trusted !== undefined && trusted.size > 0) {
    return fromTrustedList(peer, forwardedEntries(input.forwardedFor), trusted);
  }
  const hops =
    Number.isSafeInteger(input.trustProxyHops) && input.trustProxyHops > 0 ? input.trustProxyHops : 0;
  if (hops === 0) return peer ?? UNKNOWN_CLIENT_IP;
  return fromHopCount(peer, forwardedEntries(input.forwardedFor), hops);
}

/**
 * With N proxies in front, the peer is the last proxy and each proxy appended the address it saw,
 * so the last N entries were written by trusted proxies and the client is the N-th from the right
 * (with one proxy: the right-most entry). Anything further left was sent by the client.
 *
 * With fewer entries than hops, some proxy was bypassed or does not append; the left-most entries
 * may then be the client's own, and only the right-most one (written by the peer) is vouched for.
 * An unparseable entry is skipped towards the right: every entry to its right was written by a
 * trusted proxy, and the peer itself is the last resort.
 *
 * A hop count cannot detect a client that reaches an inner proxy directly; operators whose proxies
 * can be bypassed should configure their addresses instead (fromTrustedList).
 */
function fromHopCount(peer: string | null, entries: string[], hops: number): string {
  const start = entries.length >= hops ? entries.length - hops : entries.length - 1;
  for (let i = Math.max(start, 0); i < entries.length; i++) {
    const ip = forwardedEntryIp(entries[i]);
    if (ip !== null) return ip;
  }
  return peer ?? UNKNOWN_CLIENT_IP;
}

/**
 * Walks from the peer leftwards while the addresses belong to the operator's proxies; the first one
 * that does not is the client. A peer outside the list is the client itself, whatever headers it
 * sent. An unparseable entry stops the walk at the last trusted hop: nothing to its left can be
 * attributed to a trusted proxy.
 */
function fromTrustedList(peer: string | null, entries: string[], trusted: IpRangeMatcher): string {
  if (peer === null) return UNKNOWN_CLIENT_IP;
  if (!trusted.contains(peer)) return peer;
  let nearest = peer;
  for (let i = entries.length - 1; i >= 0; i--) {
    const ip = forwardedEntryIp(entries[i]);
    if (ip === null) return nearest;
    if (!trusted.contains(ip)) return ip;
    nearest = ip;
  }
  // Every hop is a trusted proxy: the request started inside the operator's network.
  return nearest;
}

function forwardedEntries(header: string | readonly string[] | undefined): string[] {
  if (header === undefined) return [];
  const joined = typeof header === "string" ? header : header.join(",");
  return joined === "" ? [] : joined.split(",");
}

/**
 * Some proxies (Azure Application Gateway, IIS ARR) append `ip:port`; the port is noise, and
 * dropping it does not change who wrote the entry. Everything else goes through normalizeIp.
 */
function forwardedEntryIp(entry: string | undefined): string | null {
  if (entry === undefined) return null;
  const text = entry.trim();
  const withPort = /^(?:\[([^\]]+)\]|(\d{1,3}(?:\.\d{1,3}){3})):\d{1,5}$/.exec(text);
  return normalizeIp(withPort ? (withPort[1] ?? withPort[2] ?? "") : text);
}
