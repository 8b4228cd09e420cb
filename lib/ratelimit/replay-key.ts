/**
 * One string for the pair, unambiguous whatever characters the ids contain: the key id's length
 * comes first, so ("a:b", "c") and ("a", "b:c") cannot collide.
 */
export function replayKey(keyId: string, jti: string): string {
  return `${keyId.length}:${keyId}:${jti}`;
}
