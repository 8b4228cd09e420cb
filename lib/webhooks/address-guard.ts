import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import type { LookupFunction } from "node:net";
import ipaddr from "ipaddr.js";

/**
 * Only public unicast addresses: loopback, private, link-local (169.254.169.254, the cloud
 * metadata address, is one), unique-local, CGNAT, multicast and reserved ranges are refused.
 * IPv4-mapped IPv6 addresses are judged as the IPv4 address they carry.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress())
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  return parsed.range() === "unicast";
}

export class RefusedAddressError extends Error {
  constructor(hostname: string) {
    super(`The endpoint's host ${hostname} resolves to a private, loopback or link-local address.`);
    this.name = "RefusedAddressError";
  }
}

/**
 * A `lookup` for http.request that resolves the name and refuses non-public addresses. The check
 * and the connection use the same resolution, so a DNS answer that changes in between (rebinding)
 * cannot slip a private address past it.
 */
export function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, "", 0);
      const list = addresses as LookupAddress[];
      const refused = !allowPrivate && list.some((a) => !isPublicAddress(a.address));
      if (refused || list.length === 0) return callback(new RefusedAddressError(hostname), "", 0);
      if (options.all) return callback(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}
