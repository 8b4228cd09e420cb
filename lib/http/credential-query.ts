/**
 * Credentials never travel in URLs: URLs end up in access logs, proxies, browser history and
 * Referer headers. A request that carries one is refused (400 KEY_IN_QUERY) before anything is
 * looked up, whichever route it reaches, so the refusal teaches the client to move the credential
 * to a header rather than letting some routes quietly ignore it.
 */

/** Names a credential travels under elsewhere, compared without case, `-`, `_`, `.` or `[]`. */
const CREDENTIAL_NAMES = new Set([
  "key",
  "apikey",
  "xapikey",
  "token",
  "accesstoken",
  "refreshtoken",
  "idtoken",
  "authtoken",
  "auth",
  "authorization",
  "bearer",
  "jwt",
  "secret",
  "apisecret",
  "clientsecret",
  "password",
]);

/**
 * A value (or a bare name) that looks like a Keydesk credential, whatever the parameter is called:
 * a secret key, a signed key, or a compact JWS (its header is JSON, so it starts with `eyJ`).
 */
const CREDENTIAL_VALUE =
  /ak_(?:live|test)_[0-9A-Za-z]|akv1_(?:live|test)_[0-9A-Za-z]|eyJ[\w-]+\.[\w-]*\.[\w-]+/;

function normalizedName(name: string): string {
  return name
    .replace(/\[[^\]]*\]$/, "")
    .replace(/[-_.]/g, "")
    .toLowerCase();
}

/** True when the query string (of a path or full URL) carries something that looks like a credential. */
export function hasCredentialInQuery(url: string): boolean {
  const start = url.indexOf("?");
  if (start === -1) return false;
  // Fragments never reach a server, but a client might put one in a request line anyway.
  const end = url.indexOf("#", start);
  const query = url.slice(start + 1, end === -1 ? undefined : end);
  if (query === "") return false;
  for (const [name, value] of new URLSearchParams(query)) {
    if (CREDENTIAL_NAMES.has(normalizedName(name))) return true;
    if (CREDENTIAL_VALUE.test(name) || CREDENTIAL_VALUE.test(value)) return true;
  }
  return false;
}
