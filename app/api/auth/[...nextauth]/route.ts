import { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { handleError } from "@/lib/api/route";
import { loginBlockedFor } from "@/lib/auth/login-throttle";
import { authOptions } from "@/lib/auth/next-auth-options";
import { rateLimitedError } from "@/lib/errors/app-error";
import { appErrorOutput, errorBody, toResponse } from "@/lib/errors/envelope";
import { BODY_CAPS, readBodyCapped } from "@/lib/http/body-limits";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { getStores } from "@/lib/stores";

type Segment = { params: Promise<{ nextauth: string[] }> };

function handle(req: NextRequest, segment: Segment) {
  return NextAuth(authOptions())(req, segment);
}

/**
 * A throttled browser login is answered 429 with Retry-After before next-auth runs, like
 * POST /api/auth/login (the reservation itself happens in `authorize`, atomically). The body keeps
 * next-auth's `{url}` shape so its client reports the error.
 */
async function throttledResponse(req: NextRequest, form: URLSearchParams): Promise<Response | null> {
  const email = form.get("email");
  if (email === null) return null;
  const seconds = await loginBlockedFor(
    getStores().rateLimiter,
    email.trim().toLowerCase(),
    clientIpFromHeaders(req.headers),
  );
  if (seconds === 0) return null;
  const limited = rateLimitedError(seconds, `Too many failed logins. Try again in ${seconds} seconds.`);
  const url = new URL("/login", req.nextUrl.origin);
  url.searchParams.set("error", `RATE_LIMITED:${seconds}`);
  // The envelope, with next-auth's `url` beside it (its client reads the error from the URL).
  const body = { url: url.toString(), ...errorBody(limited.code, limited.message, limited.details) };
  return toResponse({ ...appErrorOutput(limited), body: JSON.stringify(body) });
}

export async function GET(req: NextRequest, segment: Segment) {
  return handle(req, segment);
}

/**
 * next-auth would read the body whole; it is read here first, stopping at the cap (413), and
 * handed on as a copy.
 */
export async function POST(req: NextRequest, segment: Segment) {
  let raw: Buffer;
  try {
    raw = await readBodyCapped(req, BODY_CAPS.api);
  } catch (error) {
    return handleError(error, req);
  }
  const { nextauth } = await segment.params;
  if (nextauth.join("/") === "callback/credentials") {
    const limited = await throttledResponse(req, new URLSearchParams(raw.toString("utf8")));
    if (limited) return limited;
  }
  const copy = new NextRequest(req.url, { method: "POST", headers: req.headers, body: new Uint8Array(raw) });
  return handle(copy, segment);
}
