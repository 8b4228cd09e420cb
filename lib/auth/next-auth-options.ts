import "server-only";
import type { NextAuthOptions } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { clientIpFromHeaders } from "@/lib/api/client-ip";
import { getEnv } from "@/lib/env";
import { passwordLogin } from "./password-login";
import { loginInput } from "./schemas";

/** Browser sessions last a working day; the role is re-read from the database on every request. */
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
          const result = await passwordLogin(parsed.data.email, parsed.data.password, ip);
          if (!result.ok) {
            // next-auth passes the message to the login page as ?error=…; no detail beyond the code.
            if (result.code === "RATE_LIMITED") throw new Error(`RATE_LIMITED:${result.retryAfterSeconds}`);
            return null;
          }
          return { id: result.userId, email: result.email, tenantId: result.tenantId };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.userId = user.id;
          token.tenantId = user.tenantId;
        }
        return token;
      },
      session({ session, token }) {
        session.userId = token.userId ?? "";
        session.tenantId = token.tenantId ?? "";
        return session;
      },
    },
  };
}
