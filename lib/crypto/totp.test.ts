import { describe, expect, it } from "vitest";
import { generateRecoveryCodes, hashRecoveryCode, normalizeRecoveryCode } from "./recovery-codes";
import { generateTotpSecret, matchTotpStep, TOTP_PERIOD_SECONDS, totpCodeAt, totpUri } from "./totp";

const STEP_MS = TOTP_PERIOD_SECONDS * 1000;

describe("TOTP", () => {
  it("matches RFC 6238's SHA-1 test vector (last 6 digits)", () => {
    // RFC 6238 appendix B: the ASCII secret "12345678901234567890", T = 59 s → 94287082.
    const secret = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
    expect(totpCodeAt(secret, 59_000)).toBe("287082");
    expect(totpCodeAt(secret, 1_111_111_109_000)).toBe("081804");
  });

  it("answers the step a code belongs to, one step either side, and nothing further", () => {
    const secret = generateTotpSecret();
    const now = 1_800_000_000_000;
    const step = Math.floor(now / STEP_MS);
    expect(matchTotpStep(secret, totpCodeAt(secret, now), now)).toBe(step);
    expect(matchTotpStep(secret, totpCodeAt(secret, now - STEP_MS), now)).toBe(step - 1);
    expect(matchTotpStep(secret, totpCodeAt(secret, now + STEP_MS), now)).toBe(step + 1);
    expect(matchTotpStep(secret, totpCodeAt(secret, now - 3 * STEP_MS), now)).toBeNull();
    expect(matchTotpStep(secret, "12345", now)).toBeNull();
    expect(matchTotpStep(generateTotpSecret(), totpCodeAt(secret, now), now)).toBeNull();
  });

  it("makes 160-bit secrets and an otpauth URI naming Keydesk and the account", () => {
    const secret = generateTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    const uri = new URL(totpUri(secret, "ada@example.com"));
    expect(uri.protocol).toBe("otpauth:");
    expect(uri.searchParams.get("secret")).toBe(secret);
    expect(uri.searchParams.get("issuer")).toBe("Keydesk");
    expect(decodeURIComponent(uri.pathname)).toContain("ada@example.com");
  });
});

describe("recovery codes", () => {
  it("are ten distinct codes in three groups, read back whatever the case and spacing", () => {
    const codes = generateRecoveryCodes();
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const code of codes) expect(code).toMatch(/^[a-z2-9]{4}-[a-z2-9]{4}-[a-z2-9]{4}$/);
    const [code] = codes as [string];
    expect(normalizeRecoveryCode(` ${code.toUpperCase().replaceAll("-", " ")} `)).toBe(
      code.replaceAll("-", ""),
    );
    expect(normalizeRecoveryCode("123456")).toBeNull();
    expect(normalizeRecoveryCode("abcd-efgh-ijkl")).toBeNull(); // i and l are not in the alphabet
  });

  it("are stored as a keyed hash: another AUTH_SECRET gives another hash", () => {
    const a = hashRecoveryCode("abcdefghjkmn", "a".repeat(32));
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(a).not.toContain("abcdefghjkmn");
    expect(hashRecoveryCode("abcdefghjkmn", "b".repeat(32))).not.toBe(a);
  });
});
