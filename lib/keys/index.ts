export { BASE62_ALPHABET, decodeBase62, encodeBase62, randomBase62 } from "./base62";
export { type KeyEnvironment, keyEnvironmentSchema } from "./environment";
export { generateKeyId, isKeyId } from "./key-id";
export { MAX_METADATA_BYTES, MAX_METADATA_DEPTH, type Metadata, metadataSchema } from "./metadata";
export {
  MAX_PUBLIC_KEY_PEM_LENGTH,
  type P256Jwk,
  type PublicKeyPemResult,
  p256JwkThumbprint,
  parsePublicKeyPem,
} from "./public-key-pem";
export { MAX_SCOPES, missingScopes, type ScopeList, scopeListSchema, scopeSchema } from "./scopes";
export {
  displayPrefix,
  generateSecretKey,
  hashSecret,
  parseSecretKey,
  SECRET_KEY_PATTERN,
  secretHashEquals,
  secretKeyChecksum,
} from "./secret-key";
export {
  generateSigningSecret,
  MAX_SIGNED_KEY_LENGTH,
  parseSignedKeyUnverified,
  SIGNED_KEY_PATTERN,
  type SignedKeyInput,
  type SignedKeyPayload,
  type SignedKeyVerification,
  signSignedKey,
  verifySignedKey,
} from "./signed-key";
