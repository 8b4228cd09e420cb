import type { CreatedKey } from "@/lib/dal/api-keys/create-api-key";
import { jsonResponse } from "./responses";

/**
 * 201 with the key's DTO and, for secret and signed keys, the secret — the one and only time it is
 * sent. `no-store` keeps it out of every cache between here and the caller.
 */
export function createdKeyResponse({ key, secret }: CreatedKey): Response {
  return jsonResponse(secret ? { ...key, key: secret } : key, {
    status: 201,
    headers: { "Cache-Control": "no-store", Pragma: "no-cache" },
  });
}
