import { timingSafeEqual } from "node:crypto";

/**
 * String equality in constant time for equal lengths (node's timingSafeEqual). A length difference
 * answers at once, so use it where the length is public: hashes, per-process tokens.
 */
export function constantTimeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a, "utf8");
  const right = Buffer.from(b, "utf8");
  return left.length === right.length && timingSafeEqual(left, right);
}
