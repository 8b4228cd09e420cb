import { AppError } from "@/lib/errors/app-error";

export type Role = "owner" | "admin" | "viewer";

/** Who is acting, for audit events. */
export type Actor =
  | { type: "user"; id: string }
  | { type: "token"; id: string; userId: string }
  | { type: "system" };

/**
 * Everything a DAL call needs to know about the caller. The tenant id always comes from a verified
 * session or access token — never from request input — so every query can filter on it.
 */
export type TenantContext = {
  tenantId: string;
  userId: string;
  role: Role;
  actor: Actor;
  ip: string;
  /** The browser session or token family the caller is using (its own row on the Account page). */
  sessionId?: string;
};

export function assertCanWrite(ctx: TenantContext): void {
  if (ctx.role === "viewer") throw new AppError("FORBIDDEN", "Viewers have read-only access.");
}
