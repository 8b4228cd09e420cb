/** Names a credential might travel under. Keydesk refuses them in URLs, which end up in logs. */
const CREDENTIAL_QUERY_PARAMS = new Set([
  "key",
  "api_key",
  "apikey",
  "apiKey",
  "token",
  "access_token",
  "x-api-key",
]);

/** True when the query string (of a path or full URL) carries a parameter named like a credential. */
export function hasCredentialInQuery(url: string): boolean {
  const start = url.indexOf("?");
  if (start === -1) return false;
  for (const name of new URLSearchParams(url.slice(start + 1)).keys()) {
    if (CREDENTIAL_QUERY_PARAMS.has(name)) return true;
  }
  return false;
}
