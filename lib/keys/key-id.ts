import { randomBase62 } from "./base62";

/** 24 base62 characters ≈ 143 bits: unguessable, so a key id leaks nothing and collisions never happen. */
const KEY_ID_RE = /^key_[0-9A-Za-z]{24}$/;

export function generateKeyId(): string {
  return `key_${randomBase62(24)}`;
}

export function isKeyId(value: unknown): value is string {
  return typeof value === "string" && KEY_ID_RE.test(value);
}
