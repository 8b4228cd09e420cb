import "server-only";
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { createBrowserSession, endBrowserSession } from "@/lib/dal/browser-sessions";
import { getEnv } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { clientIpFromHeaders } from "@/lib/http/client-ip";
import { loginInput } from "@/lib/schemas/auth";
import { passwordLogin } from "./password-login";

/** Browser sessions last a working day; the session row and role are re-read on every request. */
const SESSION_MAX_AGE_SECONDS = 12 * 3600;

function headerGetter(headers: Record<string, unknown> | undefined) {
  return { get: (name: string) => (typeof headers?.[name] === "string" ? (headers[name] as string) : null) };
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
          const ip = clientIpFromHeaders(headerGetter(req.headers));
          const result = await passwordLogin(parsed.data.email, parsed.data.password, ip).catch(
            (error: unknown) => {
              // next-auth passes the message to the login page as ?error=…; a code, no detail.
              if (error instanceof AppError && error.code === "SERVICE_UNAVAILABLE") throw new Error("BUSY");
              throw error;
            },
          );
          if (!result.ok) {
            if (result.code === "RATE_LIMITED") throw new Error(`RATE_LIMITED:${result.retryAfterSeconds}`);
            // Told only after the right password: removed from every workspace.
            if (result.code === "NOT_A_MEMBER") throw new Error("NO_WORKSPACE");
            return null;
          }
          const sessionId = await createBrowserSession({
            userId: result.userId,
            tenantId: result.tenantId,
            ip,
          });
          return { id: result.userId, email: result.email, tenantId: result.tenantId, sessionId };
        },
      }),
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
