import { describe, expect, it } from "vitest";
import { ERROR_CODES } from "@/lib/errors/codes";
import { clientJwtFixture, newP256KeyPair, signEs256, TEST_KEY_ID, TEST_NOW_S } from "@/test/es256";
import { type ClientJwtErrorCode, verifyClientJwt } from "./verify-client-jwt";

const f = clientJwtFixture();

async function expectCode(token: string, code: ClientJwtErrorCode, options = f.options) {
  const result = await verifyClientJwt(token, options);
  expect(result).toMatchObject({ ok: false, code });
  return result.ok ? undefined : result;
}

it("only returns codes the API layer has a status and message for", () => {
  // A Record forces this list to grow with ClientJwtErrorCode.
  const codes: Record<ClientJwtErrorCode, true> = {
    INVALID_TOKEN: true,
    INVALID_SIGNATURE: true,
    TOKEN_EXPIRED: true,
    TOKEN_NOT_YET_VALID: true,
    TOKEN_LIFETIME_TOO_LONG: true,
  };
  for (const code of Object.keys(codes)) expect(ERROR_CODES).toHaveProperty(code);
});

describe("verifyClientJwt accepts", () => {
  it("a seed-000 shaped token and returns the key id, claims and the resolver's key", async () => {
    const result = await verifyClientJwt(f.token({ jti: "8c0e6b1e-2f4c-4a57-9d0c-0f5f3c6f9a11" }), f.options);
    expect(result).toEqual({
      ok: true,
      keyId: TEST_KEY_ID,
      claims: {
        sub: TEST_KEY_ID,
        iat: TEST_NOW_S,
        exp: TEST_NOW_S + 300,
        jti: "8c0e6b1e-2f4c-4a57-9d0c-0f5f3c6f9a11",
      },
      key: f.resolved,
    });
  });

  it("a kid equal to sub, nbf in the past and an aud naming this service", async () => {
    const token = f.token(
      { nbf: TEST_NOW_S - 10, aud: ["other", "https://keydesk.test"] },
      { alg: "ES256", kid: TEST_KEY_ID },
    );
    const result = await verifyClientJwt(token, { ...f.options, audience: "https://keydesk.test" });
    expect(result.ok && result.claims).toMatchObject({
      nbf: TEST_NOW_S - 10,
      aud: ["other", "https://keydesk.test"],
    });
  });
});

describe("verifyClientJwt claims and key lookup → INVALID_TOKEN", () => {
  it.each([
    ["sub missing", { sub: undefined }],
    ["iat missing", { iat: undefined }],
    ["exp missing", { exp: undefined }],
    ["sub not a string", { sub: 123 }],
    ["iat a string", { iat: String(TEST_NOW_S) }],
    ["exp a string", { exp: String(TEST_NOW_S + 300) }],
    ["exp null", { exp: null }],
    ["nbf a string", { nbf: "0" }],
    ["jti a number", { jti: 5 }],
    ["jti too long", { jti: "j".repeat(257) }],
    ["aud a number", { aud: 1 }],
    ["aud mixed array", { aud: ["https://keydesk.test", 1] }],
  ])("%s", async (_name, extra) => {
    await expectCode(f.token(extra), "INVALID_TOKEN");
  });

  it("an exp of 1e999 (Infinity after JSON.parse)", async () => {
    const input = f.token().split(".");
    const payload = Buffer.from(`{"sub":"${TEST_KEY_ID}","iat":${TEST_NOW_S},"exp":1e999}`).toString(
      "base64url",
    );
    await expectCode(`${input[0]}.${payload}.${input[2]}`, "INVALID_TOKEN");
  });

  it("a payload that is not a JSON object", async () => {
    await expectCode(signEs256({ alg: "ES256" }, "not json", f.pair.privateKey), "INVALID_TOKEN");
    await expectCode(signEs256({ alg: "ES256" }, [f.claims()], f.pair.privateKey), "INVALID_TOKEN");
  });

  it("a kid that differs from sub", async () => {
    await expectCode(f.token({}, { alg: "ES256", kid: "key_ZZZZZZZZZZZZZZZZZZZZZZZZ" }), "INVALID_TOKEN");
  });

  it("a sub that is not a key id, without asking the resolver", async () => {
    f.lookups.length = 0;
    for (const sub of ["", "key_short", `${TEST_KEY_ID}x`, "ak_live_abc", `key_${"é".repeat(24)}`]) {
      await expectCode(f.token({ sub }), "INVALID_TOKEN");
    }
    expect(f.lookups).toEqual([]);
  });

  it("an unknown key id, before the signature is looked at", async () => {
    const stranger = signEs256(
      { alg: "ES256" },
      f.claims({ sub: "key_000000000000000000000000" }),
      newP256KeyPair().privateKey,
    );
    await expectCode(stranger, "INVALID_TOKEN");
  });

  it("an aud that is not ours, or any aud when no audience is configured", async () => {
    await expectCode(f.token({ aud: "https://other.example" }), "INVALID_TOKEN", {
      ...f.options,
      audience: "https://keydesk.test",
    });
    await expectCode(f.token({ aud: [] }), "INVALID_TOKEN", {
      ...f.options,
      audience: "https://keydesk.test",
    });
    await expectCode(f.token({ aud: "https://keydesk.test" }), "INVALID_TOKEN");
  });

  it("exp not after iat", async () => {
    await expectCode(f.token({ exp: TEST_NOW_S }), "INVALID_TOKEN");
  });
});

describe("verifyClientJwt signature comes before time rules", () => {
  it("a bad signature on an expired token is INVALID_SIGNATURE", async () => {
    const forged = signEs256(
      { alg: "ES256" },
      f.claims({ exp: TEST_NOW_S - 3600, iat: TEST_NOW_S - 3700 }),
      newP256KeyPair().privateKey,
    );
    await expectCode(forged, "INVALID_SIGNATURE");
  });

  it("a signature over altered claims is INVALID_SIGNATURE", async () => {
    const [header, , signature] = f.token().split(".");
    const payload = Buffer.from(JSON.stringify(f.claims({ exp: TEST_NOW_S + 3000 }))).toString("base64url");
    await expectCode(`${header}.${payload}.${signature}`, "INVALID_SIGNATURE");
  });
});

describe("verifyClientJwt time rules (leeway 60 s)", () => {
  it("expiry: beyond the leeway is TOKEN_EXPIRED, within it passes", async () => {
    const expired = await expectCode(
      f.token({ iat: TEST_NOW_S - 300, exp: TEST_NOW_S - 60 }),
      "TOKEN_EXPIRED",
    );
    expect(expired?.details).toEqual({ expiredAt: new Date((TEST_NOW_S - 60) * 1000).toISOString() });
    expect(
      (await verifyClientJwt(f.token({ iat: TEST_NOW_S - 300, exp: TEST_NOW_S - 59 }), f.options)).ok,
    ).toBe(true);
    await expectCode(f.token({ iat: -1e300, exp: -1e300 + 1 }), "TOKEN_EXPIRED");
  });

  it("iat in the future: beyond the leeway is TOKEN_NOT_YET_VALID, within it passes", async () => {
    await expectCode(f.token({ iat: TEST_NOW_S + 61, exp: TEST_NOW_S + 361 }), "TOKEN_NOT_YET_VALID");
    expect(
      (await verifyClientJwt(f.token({ iat: TEST_NOW_S + 59, exp: TEST_NOW_S + 359 }), f.options)).ok,
    ).toBe(true);
  });

  it("nbf in the future is TOKEN_NOT_YET_VALID", async () => {
    const result = await expectCode(f.token({ nbf: TEST_NOW_S + 120 }), "TOKEN_NOT_YET_VALID");
    expect(result?.message).toMatch(/nbf/);
    expect((await verifyClientJwt(f.token({ nbf: TEST_NOW_S + 60 }), f.options)).ok).toBe(true);
  });

  it("a custom leeway is honoured", async () => {
    await expectCode(f.token({ iat: TEST_NOW_S - 300, exp: TEST_NOW_S - 1 }), "TOKEN_EXPIRED", {
      ...f.options,
      leewaySeconds: 0,
    });
  });
});

describe("verifyClientJwt lifetime cap", () => {
  it.each([
    [undefined, 900, 901],
    [300, 300, 301],
    [3600, 3600, 3601],
    [7200, 3600, 3601],
    [-5, 900, 901],
  ])("tenant max %s → %s s allowed, %s s refused", async (tenantMax, allowed, refused) => {
    const g = clientJwtFixture(tenantMax);
    expect((await verifyClientJwt(g.token({ exp: TEST_NOW_S + allowed }), g.options)).ok).toBe(true);
    const result = await verifyClientJwt(g.token({ exp: TEST_NOW_S + refused }), g.options);
    expect(result).toMatchObject({
      ok: false,
      code: "TOKEN_LIFETIME_TOO_LONG",
      details: { maxLifetimeSeconds: allowed },
    });
  });

  it("defaults to 900 s when the caller gives no lifetime function", async () => {
    const { maxLifetimeSeconds: _omit, ...options } = f.options;
    await expectCode(f.token({ exp: TEST_NOW_S + 901 }), "TOKEN_LIFETIME_TOO_LONG", options);
  });
});
