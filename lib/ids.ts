import { randomBase62 } from "@/lib/keys/base62";

/** Resource ids: a type prefix and 24 base62 characters (~143 bits), like `key_…` in SPEC §2. */
export type IdPrefix = "ten" | "usr" | "ses" | "rft" | "sec" | "inv" | "idn" | "whe" | "whd" | "msg";

export function newId(prefix: IdPrefix): string {
  return `${prefix}_${randomBase62(24)}`;
}
