import { z } from "zod";
import { type KeyEnvironment, keyEnvironmentSchema } from "./environment";
import { isKeyId } from "./key-id";
import { type Metadata, metadataSchema } from "./metadata";
import { scopeListSchema } from "./scopes";

/** Year 9999: keeps every accepted expiry a valid Date. */
const MAX_EXPIRY_SECONDS = 253_402_300_799;

const tenantIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { message: "Invalid tenant id" });
const keyIdSchema = z.string().refine(isKeyId, { message: "Invalid key id" });

export interface SignedKeyPayload {
  environment: KeyEnvironment;
  tenantId: string;
  keyId: string;
  scopes: string[];
  /** Whole seconds: sub-second precision is dropped when signing. */
  expiresAt: Date | null;
  metadata: Metadata;
}

export const signedKeyInputSchema = z.object({
  environment: keyEnvironmentSchema,
  tenantId: tenantIdSchema,
  keyId: keyIdSchema,
  scopes: scopeListSchema,
  expiresAt: z.date().nullable(),
  metadata: metadataSchema,
});

export type SignedKeyInput = z.input<typeof signedKeyInputSchema>;

/**
 * The embedded claims, with one-letter keys to keep tokens short. Strict: a payload with extra or
 * missing fields was not produced by this code and is treated as malformed even if signed.
 */
const wirePayloadSchema = z.strictObject({
  v: z.literal(1),
  t: tenantIdSchema,
  k: keyIdSchema,
  s: scopeListSchema,
  e: z.number().int().min(0).max(MAX_EXPIRY_SECONDS).nullable(),
  m: metadataSchema,
});

export function encodePayloadJson(input: z.output<typeof signedKeyInputSchema>): string {
  const expiresAt = input.expiresAt === null ? null : Math.floor(input.expiresAt.getTime() / 1000);
  if (expiresAt !== null && (expiresAt < 0 || expiresAt > MAX_EXPIRY_SECONDS)) {
    throw new RangeError("expiresAt is outside the supported range");
  }
  return JSON.stringify({
    v: 1,
    t: input.tenantId,
    k: input.keyId,
    s: input.scopes,
    e: expiresAt,
    m: input.metadata,
  });
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Never throws: any decoding, JSON or schema failure is null. */
export function decodePayloadBytes(bytes: Uint8Array, environment: KeyEnvironment): SignedKeyPayload | null {
  let json: unknown;
  try {
    json = JSON.parse(utf8.decode(bytes));
  } catch {
    return null;
  }
  const parsed = wirePayloadSchema.safeParse(json);
  if (!parsed.success) return null;
  const { t, k, s, e, m } = parsed.data;
  return {
    environment,
    tenantId: t,
    keyId: k,
    scopes: s,
    expiresAt: e === null ? null : new Date(e * 1000),
    metadata: m,
  };
}
