import "server-only";
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { createBrowserSession, endBrowserSession } from "@/lib/dal/browser-sessions";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { describeError, log } from "@/lib/log";
import { loginMfaInput } from "@/lib/schemas/account";
import { loginInput } from "@/lib/schemas/auth";
import { completeMfaLogin, secondFactorStep } from "./mfa-login";
import { passwordLogin } from "./password-login";

/** Browser sessions last a working day; the session row and role are re-read on every request. */
const SESSION_MAX_AGE_SECONDS = 12 * 3600;

function headerGetter(headers: Record<string, unknown> | undefined) {
  return { get: (name: string) => (typeof headers?.[name] === "string" ? (headers[name] as string) : null) };
}

/**
 * next-auth hands a thrown error's message to the login form (as `?error=…` in the URL of its JSON
 * answer); only codes go there, never detail.
 */
function signInError(error: unknown): never {
  if (error instanceof AppError) {
    if (error.code === "SERVICE_UNAVAILABLE") throw new Error("BUSY");
    if (error.code === "RATE_LIMITED") throw new Error(`RATE_LIMITED:${error.details?.retryAfter ?? 1}`);
    if (error.code === "INVALID_MFA_CHALLENGE" || error.code === "INVALID_MFA_CODE")
      throw new Error(error.code);
  }
  // Anything else would put its own message in that URL.
  log.error("unhandled error in sign-in", describeError(error));
  throw new Error("INTERNAL_ERROR");
}

/**
 * The second step of a browser login (lib/auth/mfa-login.ts): the challenge the password step
 * handed the form, and a code. The challenge travels in the form's memory only, never in a cookie
 * or a navigated URL.
 */
const mfaProvider = Credentials({
  id: "mfa",
  name: "Two-factor code",
  credentials: { challenge: { type: "text" }, code: { type: "text" } },
  async authorize(credentials, req) {
    const parsed = loginMfaInput.safeParse(credentials);
    if (!parsed.success) return null;
    const origin = requestOrigin(req.headers);
    const login = await completeMfaLogin(parsed.data.challenge, parsed.data.code, origin.ip).catch(
      signInError,
    );
    const sessionId = await createBrowserSession({
      userId: login.userId,
      tenantId: login.tenantId,
      ...origin,
    });
    return { id: login.userId, email: login.email, tenantId: login.tenantId, sessionId };
  },
});

function requestOrigin(headers: Record<string, unknown> | undefined) {
  const get = headerGetter(headers);
  return { ip: clientIpFromHeaders(get), userAgent: get.get("user-agent") };
}

/** Built per call so that `next build` never needs runtime secrets. */
export function authOptions(): NextAuthOptions {
  return {
    secret: getEnv().authSecret,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      Credentials({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const parsed = loginInput.safeParse(credentials);
          if (!parsed.success) return null;
          const origin = requestOrigin(req.headers);
          const result = await passwordLogin(parsed.data.email, parsed.data.password, origin.ip).catch(
            signInError,
          );
          if (!result.ok) {
            if (result.code === "RATE_LIMITED") throw new Error(`RATE_LIMITED:${result.retryAfterSeconds}`);
            // Told only after the right password: removed from every workspace.
            if (result.code === "NOT_A_MEMBER") throw new Error("NO_WORKSPACE");
            return null;
          }
          // 2FA on: the form asks for a code and completes the login with the `mfa` provider.
          const next = await secondFactorStep(result);
          if (next.kind === "code") throw new Error(`MFA_REQUIRED:${next.challenge}`);
          const sessionId = await createBrowserSession({
            userId: result.userId,
            tenantId: result.tenantId,
            ...origin,
          });
          return { id: result.userId, email: result.email, tenantId: result.tenantId, sessionId };
        },
      }),
      mfaProvider,
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.userId = user.id;
          token.tenantId = user.tenantId;
          token.sessionId = user.sessionId;
        }
        return token;
      },
      session({ session, token }) {
        session.userId = token.userId ?? "";
        session.tenantId = token.tenantId ?? "";
        session.sessionId = token.sessionId ?? "";
        return session;
      },
    },
    events: {
      // The cookie is cleared by next-auth; the row is what makes a copied cookie worthless too.
      async signOut({ token }) {
        if (token?.sessionId && token.userId) {
          await endBrowserSession({ sessionId: token.sessionId, userId: token.userId });
        }
      },
    },
  };
}
