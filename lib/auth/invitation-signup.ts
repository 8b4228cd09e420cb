import "server-only";
import { acceptInvitationAsNewUser } from "@/lib/dal/accept-invitation";
import { assertInvitationUsable } from "@/lib/dal/invitations";
import type { AcceptedInvitationDto } from "@/lib/schemas/members";
import { hashPassword } from "./password";
import { spendSignupBudget } from "./register";

/**
 * Someone without an account opens an invitation and chooses a password: a sign-up, so it spends
 * the address's sign-up budget like any other, and the link is checked before the costly hash.
 */
export async function signUpWithInvitation(
  token: string,
  password: string,
  ip: string,
): Promise<AcceptedInvitationDto> {
  await spendSignupBudget(ip);
  await assertInvitationUsable(token);
  return acceptInvitationAsNewUser(token, await hashPassword(password), ip);
}
