/**
 * Where a consumer's credential travels: `X-API-Key: ak_…`, or `Authorization: Bearer <key or JWT>`.
 * Only reading and classifying happen here; nothing is looked up.
 */
export type Credential =
  | { kind: "secret"; value: string }
  | { kind: "signed"; value: string }
  | { kind: "jwt"; value: string }
  | { kind: "unknown"; value: string };

/** Longer than any credential Keydesk issues (a signed key with full metadata is ~10 KiB). */
export const MAX_CREDENTIAL_LENGTH = 16 * 1024;

type HeaderSource = { get(name: string): string | null };

export function credentialFromHeaders(headers: HeaderSource): string | null {
  const apiKey = headers.get("x-api-key")?.trim();
  if (apiKey) return apiKey;
  const authorization = headers.get("authorization")?.trim();
  if (!authorization) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(authorization);
  return match?.[1] ?? null;
}

export function classifyCredential(value: string): Credential {
  if (value.length > MAX_CREDENTIAL_LENGTH) return { kind: "unknown", value };
  if (value.startsWith("ak_")) return { kind: "secret", value };
  if (value.startsWith("akv1_")) return { kind: "signed", value };
  // A compact JWS: three base64url segments. Header and payload JSON start with `{"` → `eyJ`.
  if (value.startsWith("eyJ") && value.split(".").length === 3) return { kind: "jwt", value };
  return { kind: "unknown", value };
}
