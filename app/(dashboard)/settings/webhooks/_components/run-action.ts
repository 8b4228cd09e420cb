import { type ActionResult, actionFailure } from "@/lib/actions/action-result";

/**
 * Calls a server action from a button: an unreachable server becomes a failure saying `failure`,
 * and an ended session goes to the login page.
 */
export async function runAction<T>(
  call: () => Promise<ActionResult<T>>,
  failure: string,
): Promise<ActionResult<T>> {
  const result = await call().catch(() => actionFailure("INTERNAL_ERROR", failure));
  if (!result.ok && result.code === "UNAUTHORIZED") window.location.assign("/login");
  return result;
}
