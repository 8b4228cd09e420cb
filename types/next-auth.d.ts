import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    userId: string;
    tenantId: string;
    /** The auth_sessions row (kind `browser`) every request checks; see lib/auth/session.ts. */
    sessionId: string;
  }
  interface User {
    id: string;
    email: string;
    tenantId: string;
    sessionId: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    userId?: string;
    tenantId?: string;
    sessionId?: string;
  }
}
