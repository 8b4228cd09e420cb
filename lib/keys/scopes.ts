import { z } from "zod";

export const MAX_SCOPES = 50;

const WORD = "[a-z][a-z0-9_-]{0,31}";
const SCOPE_RE = new RegExp(`^${WORD}:${WORD}$`);

export const scopeSchema = z
  .string()
  .regex(SCOPE_RE, { message: "A scope is two lowercase words joined by a colon, e.g. customers:read" });

/**
 * Deduplicated and sorted so that equal grants compare and sign identically. The raw cap stops a
 * huge array from being validated (and reported) element by element before the real limit applies.
 */
export const scopeListSchema = z
  .array(scopeSchema)
  .max(MAX_SCOPES * 4, { message: `At most ${MAX_SCOPES} scopes` })
  .transform((scopes) => [...new Set(scopes)].sort())
  .refine((scopes) => scopes.length <= MAX_SCOPES, { message: `At most ${MAX_SCOPES} distinct scopes` });

export type ScopeList = z.infer<typeof scopeListSchema>;

/** Required scopes absent from the grant, in the order asked for. Exact match: there are no wildcards. */
export function missingScopes(granted: readonly string[], required: readonly string[]): string[] {
  const have = new Set(granted);
  return [...new Set(required)].filter((scope) => !have.has(scope));
}
