import { createHash } from "node:crypto";
import { hashApiKeySecret } from "@/lib/dal/api-keys/key-material";
import { BASE62_ALPHABET } from "@/lib/keys/base62";
import { displayPrefix, secretKeyChecksum } from "@/lib/keys/secret-key";

/**
 * The bench's keys are derived from their index, so a million of them can be seeded and later
 * presented without storing a single secret: key `i` is always the same well-formed `ak_live_…`
 * (valid checksum) with the same id. They exist only in the bench's own databases.
 */
function deterministicBase62(seed: string, length: number): string {
  let out = "";
  for (let round = 0; out.length < length; round++) {
    for (const byte of createHash("sha512").update(`${seed}/${round}`).digest()) {
      // 248 = 4 × 62: as in lib/keys/base62.ts, higher bytes are skipped so every digit is uniform.
      if (byte >= 248) continue;
      out += BASE62_ALPHABET.charAt(byte % 62);
      if (out.length === length) break;
    }
  }
  return out;
}

export function benchSecret(index: number): string {
  const body = `ak_live_${deterministicBase62(`keydesk-bench/secret/${index}`, 43)}`;
  return body + secretKeyChecksum(body);
}

export function benchKeyId(index: number): string {
  return `key_${deterministicBase62(`keydesk-bench/key/${index}`, 24)}`;
}

export function benchTenantId(tenant: number): string {
  return `ten_${deterministicBase62(`keydesk-bench/tenant/${tenant}`, 24)}`;
}

/** One `api_keys` row as COPY text: id, tenant, name, type, environment, hash, display prefix. */
export function keyCopyLine(index: number, tenantId: string): string {
  const secret = benchSecret(index);
  return `${benchKeyId(index)}\t${tenantId}\tbench key ${index}\tsecret\tlive\t${hashApiKeySecret(secret)}\t${displayPrefix(secret)}\n`;
}
