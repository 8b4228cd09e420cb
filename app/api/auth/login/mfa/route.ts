import { publicRoute } from "@/lib/api/route";
import { newSessionTokens } from "@/lib/api/token-response";
import { completeMfaLogin } from "@/lib/auth/mfa-login";
import { loginMfaInput } from "@/lib/schemas/account";

/** The second step of a login with 2FA on: the challenge from MFA_REQUIRED and a code → tokens. */
export const POST = publicRoute({ body: loginMfaInput }, async ({ req, body, clientIp }) =>
  newSessionTokens(await completeMfaLogin(body.challenge, body.code, clientIp), req, clientIp),
);
