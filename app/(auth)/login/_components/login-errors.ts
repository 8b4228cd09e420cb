/** The password was right and 2FA is on: the rest of next-auth's error is the login's challenge. */
export function mfaChallengeOf(error: string | null | undefined): string | null {
  return /^MFA_REQUIRED:(mfa_[\w-]+)$/.exec(error ?? "")?.[1] ?? null;
}

/** Turns next-auth's error string into words; `RATE_LIMITED:<seconds>` comes from our 429. */
export function describeLoginError(error: string | null | undefined): string | null {
  if (!error) return null;
  const limited = /^RATE_LIMITED:(\d+)$/.exec(error);
  if (limited) {
    const seconds = Number(limited[1]);
    const wait = seconds >= 90 ? `${Math.ceil(seconds / 60)} minutes` : `${seconds} seconds`;
    return `Too many failed attempts. For your security, logins are paused — try again in ${wait}.`;
  }
  if (error === "CredentialsSignin") return "Incorrect email or password.";
  if (error === "INVALID_MFA_CODE") return "That code is not correct, or it was already used.";
  if (error === "INVALID_MFA_CHALLENGE") return "That took too long. Enter your password again.";
  if (error === "NO_WORKSPACE")
    return "Your account is not a member of any workspace any more. Ask an owner or admin to invite you again.";
  return "We could not log you in. Please try again.";
}
