import "server-only";
import type { Transaction } from "@/db/client";
import { AppError } from "@/lib/errors/app-error";
import { parsePublicKeyPem } from "@/lib/keys/public-key-pem";
import { displayPrefix, generateSecretKey, hashSecret } from "@/lib/keys/secret-key";
import { signSignedKey } from "@/lib/keys/signed-key";
import type { TenantContext } from "../context";
import { activeSigningSecrets, insertSigningSecret } from "../signing-secrets";

/**
 * Domain separation for the stored hash. The keys carry 256 random bits, so a hash table cannot be
 * attacked by guessing; a secret pepper would add nothing but a setting whose loss breaks every key.
 */
export const SECRET_HASH_PEPPER = "keydesk/secret-key/v1";

export function hashApiKeySecret(secret: string): string {
  return hashSecret(secret, SECRET_HASH_PEPPER);
}

type MaterialInput = {
  keyId: string;
  type: "secret" | "public_key" | "signed";
  environment: "live" | "test";
  scopes: string[];
  expiresAt: Date | null;
  metadata: Record<string, unknown>;
  publicKey?: string | undefined;
};

export type KeyMaterial = {
  columns: {
    secretHash: string | null;
    displayPrefix: string | null;
    publicKeyPem: string | null;
    fingerprint: string | null;
  };
  /** Returned to the caller once; never stored. */
  secret: string | null;
};

function signedDisplayPrefix(key: string): string {
  const [head = "", signature = ""] = key.split(".");
  return `${head.slice(0, "akv1_live_".length + 4)}…${signature.slice(-4)}`;
}

/** The secret, hash, PEM or signature that makes a key of each type. */
export async function issueKeyMaterial(
  tx: Transaction,
  ctx: TenantContext,
  input: MaterialInput,
): Promise<KeyMaterial> {
  if (input.type === "secret") {
    const secret = generateSecretKey(input.environment);
    return {
      secret,
      columns: {
        secretHash: hashApiKeySecret(secret),
        displayPrefix: displayPrefix(secret),
        publicKeyPem: null,
        fingerprint: null,
      },
    };
  }
  if (input.type === "public_key") {
    const parsed = parsePublicKeyPem(input.publicKey ?? "");
    if (!parsed.ok) {
      throw new AppError("INVALID_KEY_FORMAT", parsed.message, {
        fields: [{ path: "publicKey", message: parsed.message }],
      });
    }
    return {
      secret: null,
      columns: {
        secretHash: null,
        displayPrefix: null,
        publicKeyPem: parsed.pem,
        fingerprint: parsed.thumbprint,
      },
    };
  }
  let [signingSecret] = await activeSigningSecrets(tx, ctx.tenantId);
  signingSecret ??= (await insertSigningSecret(tx, ctx, "first_signed_key")).secret;
  const secret = signSignedKey(
    {
      environment: input.environment,
      tenantId: ctx.tenantId,
      keyId: input.keyId,
      scopes: input.scopes,
      expiresAt: input.expiresAt,
      metadata: input.metadata,
    },
    signingSecret,
  );
  return {
    secret,
    columns: {
      secretHash: null,
      displayPrefix: signedDisplayPrefix(secret),
      publicKeyPem: null,
      fingerprint: null,
    },
  };
}
