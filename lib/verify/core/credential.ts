import { bearerCredential, isBearerScheme } from "@/lib/http/bearer";
import { MAX_CREDENTIAL_LENGTH } from "@/lib/keys/signed-key";

/**
 * Where a consumer's credential travels: `X-API-Key: ak_…`, or `Authorization: Bearer <key or JWT>`.
 * Only reading and classifying happen here; nothing is looked up.
 */
export type Credential =
  | { kind: "secret"; value: string }
  | { kind: "signed"; value: string }
  | { kind: "jwt"; value: string }
  | { kind: "unknown"; value: string };

type HeaderSource = { get(name: string): string | null };

export type HeaderCredential =
  | { ok: true; credential: string | null }
  | { ok: false; reason: "two_credentials" };

const TWO_CREDENTIALS = { ok: false, reason: "two_credentials" } as const;

/**
 * RFC 6750 §2: a client uses one method per request. Two different credentials (X-API-Key and a
 * Bearer, or a header sent twice, which arrives joined by a comma) are ambiguous — a proxy may
 * add one, a client may mean the other — so the request is refused rather than guessed at. The
 * same credential in both headers is one credential (some SDKs send both). A non-Bearer
 * Authorization (a proxy's Basic) is not a Keydesk credential and is ignored beside X-API-Key.
 */
export function credentialFromHeaders(headers: HeaderSource): HeaderCredential {
  const apiKey = headers.get("x-api-key")?.trim() || null;
  const authorization = headers.get("authorization")?.trim();
  const bearer = bearerCredential(authorization);
  // No Keydesk credential contains a comma; Node and fetch join repeated headers with ", ".
  if (apiKey?.includes(",") || bearer?.includes(",")) return TWO_CREDENTIALS;
  if (bearer === null && authorization?.includes(",") && isBearerScheme(authorization))
    return TWO_CREDENTIALS;
  if (apiKey && bearer && apiKey !== bearer) return TWO_CREDENTIALS;
  return { ok: true, credential: apiKey ?? bearer };
}

export function classifyCredential(value: string): Credential {
  if (value.length > MAX_CREDENTIAL_LENGTH) return { kind: "unknown", value };
  if (value.startsWith("ak_")) return { kind: "secret", value };
  if (value.startsWith("akv1_")) return { kind: "signed", value };
  // A compact JWS: three base64url segments. Header and payload JSON start with `{"` → `eyJ`.
  if (value.startsWith("eyJ") && value.split(".").length === 3) return { kind: "jwt", value };
  return { kind: "unknown", value };
}
