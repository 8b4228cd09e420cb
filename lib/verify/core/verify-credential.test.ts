import { describe, expect, it } from "vitest";
import { compileAllowlist } from "@/lib/ip/allowlist";
import { generateSecretKey } from "@/lib/keys/secret-key";
import { createStores } from "@/lib/ratelimit/create-stores";
import { fakeVerifiableKey } from "@/test/verifiable-key";
import type { KeyLookup, VerifiableKey } from "./types";
import { verifyCredential } from "./verify-credential";

const stores = createStores();
function setup(keys: Record<string, VerifiableKey>) {
  const calls = { bySecret: 0, byId: 0 };
  const lookup: KeyLookup = {
    bySecret: (secret) => {
      calls.bySecret++;
      return keys[secret] ?? null;
    },
    byId: () => {
      calls.byId++;
      return null;
    },
    signingSecrets: () => [],
  };
  const deps = {
    keys: lookup,
    now: Date.now(),
    audience: "http://k.test",
    leewaySeconds: 60,
    ...stores,
  };
  return { calls, deps };
}

function key(overrides: Partial<VerifiableKey> = {}): VerifiableKey {
  return fakeVerifiableKey({
    tenant: { rateLimitPerMinute: 1000, maxTokenLifetimeSeconds: 900 },
    ...overrides,
  });
}

describe("verifyCredential", () => {
  it("rejects a bad checksum before any look-up", async () => {
    const secret = generateSecretKey("live");
    const typo = `${secret.slice(0, -1)}${secret.endsWith("0") ? "1" : "0"}`;
    const { calls, deps } = setup({ [secret]: key() });
    expect(await verifyCredential({ credential: typo, clientIp: "1.2.3.4" }, deps)).toMatchObject({
      ok: false,
      code: "INVALID_API_KEY",
    });
    expect(calls).toEqual({ bySecret: 0, byId: 0 });
    expect(await verifyCredential({ credential: secret, clientIp: "1.2.3.4" }, deps)).toMatchObject({
      ok: true,
    });
    expect(calls.bySecret).toBe(1);
  });

  it("checks in SPEC order: expiry before IP before environment before scope", async () => {
    const secret = generateSecretKey("live");
    const everythingWrong = key({
      expiresAtMs: Date.now() - 1,
      allowlist: compileAllowlist(["10.0.0.0/8"]),
      scopes: [],
    });
    const { deps } = setup({ [secret]: everythingWrong });
    const request = {
      credential: secret,
      clientIp: "1.2.3.4",
      environment: "test" as const,
      scopes: ["a:b"],
    };
    expect(await verifyCredential(request, deps)).toMatchObject({ code: "API_KEY_EXPIRED" });
    const notExpired = setup({ [secret]: key({ ...everythingWrong, expiresAtMs: null }) }).deps;
    expect(await verifyCredential(request, notExpired)).toMatchObject({ code: "IP_NOT_ALLOWED" });
    const allowed = setup({ [secret]: key({ allowlist: compileAllowlist([]) }) }).deps;
    expect(await verifyCredential(request, allowed)).toMatchObject({ code: "ENVIRONMENT_MISMATCH" });
    expect(await verifyCredential({ ...request, environment: "live" }, allowed)).toMatchObject({
      code: "INSUFFICIENT_SCOPE",
    });
  });

  it("an unknown format is INVALID_API_KEY without a look-up", async () => {
    const { calls, deps } = setup({});
    for (const credential of ["sk_live_abc", "x".repeat(20_000), "eyJ.only-two"]) {
      expect(await verifyCredential({ credential, clientIp: "1.2.3.4" }, deps)).toMatchObject({
        code: "INVALID_API_KEY",
      });
    }
    expect(calls).toEqual({ bySecret: 0, byId: 0 });
  });
});
