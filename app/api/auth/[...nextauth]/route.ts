import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { rateLimitedError } from "@/lib/api/app-error";
import { clientIpFromHeaders } from "@/lib/api/client-ip";
import { errorResponse } from "@/lib/api/responses";
import { loginBlockedFor } from "@/lib/auth/login-throttle";
import { authOptions } from "@/lib/auth/next-auth-options";
import { getStores } from "@/lib/stores";

type Segment = { params: Promise<{ nextauth: string[] }> };

function handle(req: NextRequest, segment: Segment) {
  return NextAuth(authOptions())(req, segment);
}

/**
 * A throttled browser login is answered 429 with Retry-After before next-auth runs, like
 * POST /api/auth/login. The body keeps next-auth's `{url}` shape so its client reports the error.
 */
async function throttledResponse(req: NextRequest, segment: Segment): Promise<Response | null> {
  const { nextauth } = await segment.params;
  if (nextauth.join("/") !== "callback/credentials") return null;
  const form = await req
    .clone()
    .formData()
    .catch(() => null);
  const email = form?.get("email");
  if (typeof email !== "string") return null;
  const seconds = await loginBlockedFor(
    getStores().rateLimiter,
    email.trim().toLowerCase(),
    clientIpFromHeaders(req.headers),
  );
  if (seconds === 0) return null;
  const limited = errorResponse(
    rateLimitedError(seconds, `Too many failed logins. Try again in ${seconds} seconds.`),
  );
  const url = new URL("/login", req.nextUrl.origin);
  url.searchParams.set("error", `RATE_LIMITED:${seconds}`);
  return new Response(
    JSON.stringify({ url: url.toString(), error: { code: "RATE_LIMITED", retryAfter: seconds } }),
    {
      status: 429,
      headers: limited.headers,
    },
  );
}

export async function GET(req: NextRequest, segment: Segment) {
  return handle(req, segment);
}

export async function POST(req: NextRequest, segment: Segment) {
  return (await throttledResponse(req, segment)) ?? handle(req, segment);
}
