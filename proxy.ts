import { type NextRequest, NextResponse } from "next/server";
import { newNonce, pageCsp } from "@/lib/server/content-security-policy";

/**
 * Pages get a Content-Security-Policy with a fresh nonce per response. Next reads the nonce from
 * the request's CSP header and puts it on every script it renders, so no inline script runs
 * without it. Pages are dynamic already (they read the session), which a per-request nonce needs.
 * API routes have their own, stricter policy (next.config.ts, lib/server/security-headers.ts).
 */
export function proxy(request: NextRequest) {
  const nonce = newNonce();
  // NODE_ENV is inlined by Next's compiler; development needs 'unsafe-eval' for React's tooling.
  const csp = pageCsp(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  // Pages and server-action answers can carry a secret shown once: never stored by any cache.
  response.headers.set("cache-control", "no-store, max-age=0");
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.svg).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
