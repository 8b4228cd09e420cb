import { z } from "zod";

/** An address a key was used from (issue 14). */
export const keyAddress = z.object({
  address: z.string().describe("The client address, as the IP allowlist sees it"),
  firstSeenAt: z.string().describe("ISO-8601: the first verification from it"),
  lastSeenAt: z.string().describe("ISO-8601: the latest verification from it"),
  count: z.number().int().describe("Verifications from it (while the log is sampled, an estimate)"),
  new: z
    .boolean()
    .describe(
      "True when it appeared in the last 24 h, unseen for this key in the 30 days before; the first address a key is ever used from is its baseline, not new",
    ),
  newSince: z
    .string()
    .nullable()
    .describe("ISO-8601: when its current stretch began; null for the key's baseline address"),
});
export type KeyAddressDto = z.infer<typeof keyAddress>;

export const keyAddressList = z.object({
  data: z.array(keyAddress).describe("Most recently seen first, at most 100"),
});

/** An address new to one of the tenant's keys in the last 24 h (the usage page). */
export type NewAddressDto = {
  keyId: string;
  keyName: string;
  address: string;
  newSince: string;
  count: number;
};
