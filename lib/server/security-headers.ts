/**
 * Response headers that are not per-page: one source for server.ts (HSTS on every response, the
 * fast path's API set), next.config.ts (Next's routes) and proxy.ts (pages, with a CSP nonce).
 */

/** Two years, as the HSTS preload list asks; only ever sent when APP_URL is https. */
export function hstsValue(appUrl: string): string | undefined {
  return appUrl.startsWith("https://") ? "max-age=63072000; includeSubDomains" : undefined;
}

/** For every response, pages and APIs alike. */
export const BASE_SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  "permissions-policy": "camera=(), microphone=(), geolocation=()",
} as const;

/** JSON APIs render nothing: no source of any kind, and never in a frame. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** What the fast path adds to whoami/verify answers (no-store unless the handler set its own). */
export function apiSecurityHeaders(hsts?: string): Record<string, string> {
  return {
    ...BASE_SECURITY_HEADERS,
    "content-security-policy": API_CSP,
    "cache-control": "no-store",
    ...(hsts ? { "strict-transport-security": hsts } : {}),
  };
}
