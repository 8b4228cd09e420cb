import { generateKeyPairSync, sign } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as getKey } from "@/app/api/tenants/me/api-keys/[id]/route";
import { GET as auditLog } from "@/app/api/tenants/me/audit-log/route";
import { POST as createSecret } from "@/app/api/tenants/me/signing-secrets/route";
import { POST as leaks } from "@/app/api/v1/leaks/route";
import { GET as whoami } from "@/app/api/v1/whoami/route";
import { getDb } from "@/db/client";
import { apiKeys } from "@/db/schema";
import { getKeysNeedingAttention } from "@/lib/dal/api-keys/attention";
import { overrideEnvForTests } from "@/lib/env";
import { signSignedKey } from "@/lib/keys/signed-key";
import { createAccount, type TestAccount } from "../accounts";
import { call } from "../http";
import { createTestKey, nowSeconds, signJwt } from "../verification";

const github = generateKeyPairSync("ec", { namedCurve: "P-256" });
const impostor = generateKeyPairSync("ec", { namedCurve: "P-256" });
const KEY_ID = "github-test-key-1";

let owner: TestAccount;

beforeAll(async () => {
  overrideEnvForTests({
    leakAlertPublicKeys: { [KEY_ID]: github.publicKey.export({ type: "spki", format: "pem" }).toString() },
  });
  owner = await createAccount("leaks");
});

function alert(body: unknown, signer = github.privateKey, identifier = KEY_ID) {
  const raw = JSON.stringify(body);
  const signature = sign("sha256", Buffer.from(raw), { key: signer, dsaEncoding: "der" }).toString("base64");
  return call(leaks, {
    method: "POST",
    rawBody: raw,
    headers: {
      "content-type": "application/json",
      "github-public-key-identifier": identifier,
      "github-public-key-signature": signature,
    },
  });
}

describe("POST /api/v1/leaks (GitHub secret scanning)", () => {
  it("revokes a reported secret key with reason leaked, audited as the system", async () => {
    const leaked = await createTestKey(owner);
    const untouched = await createTestKey(owner);
    const res = await alert([
      {
        token: leaked.key,
        type: "keydesk_secret_key",
        url: "https://github.com/acme/app/blob/main/.env",
        source: "content",
      },
      { token: "ak_live_notarealkey", type: "keydesk_secret_key", url: "https://x", source: "content" },
    ]);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: 2, matched: 1, revoked: 1 });
    expect(res.text).not.toContain(leaked.key);

    const dto = await (await call(getKey, { token: owner.accessToken, params: { id: leaked.id } })).json();
    expect(dto).toMatchObject({ status: "revoked", revokedReason: "leaked" });
    expect((await call(whoami, { headers: { "x-api-key": leaked.key } })).status).toBe(401);
    expect((await call(whoami, { headers: { "x-api-key": untouched.key } })).status).toBe(200);

    const ctx = {
      tenantId: owner.tenantId,
      userId: owner.userId,
      role: "owner" as const,
      actor: { type: "system" as const },
      ip: "x",
    };
    expect((await getKeysNeedingAttention(ctx)).leaked.keys.map((k) => k.id)).toEqual([leaked.id]);
    const stranger = await createAccount("stranger");
    expect((await getKeysNeedingAttention({ ...ctx, tenantId: stranger.tenantId })).leaked).toEqual({
      count: 0,
      keys: [],
    });

    const audit = await (
      await call(auditLog, { token: owner.accessToken, path: `/?targetId=${leaked.id}` })
    ).json();
    expect(audit.data[0]).toMatchObject({
      action: "api_key.revoked",
      actor: { type: "system", id: null },
      details: { reason: "leaked", source: "content", url: "https://github.com/acme/app/blob/main/.env" },
    });
  });

  it("revokes a reported signed key", async () => {
    const signed = await createTestKey(owner, { type: "signed" });
    expect(await (await alert([{ token: signed.key, type: "keydesk_signed_key" }])).json()).toMatchObject({
      revoked: 1,
    });
    const [row] = await (await getDb())
      .select({ reason: apiKeys.revokedReason })
      .from(apiKeys)
      .where(eq(apiKeys.id, signed.id));
    expect(row?.reason).toBe("leaked");
  });

  it("a bad signature, an unknown key identifier or no signature gets 401 and changes nothing", async () => {
    const victim = await createTestKey(owner);
    const body = [{ token: victim.key, type: "keydesk_secret_key", url: "https://x", source: "content" }];
    for (const res of [
      await alert(body, impostor.privateKey),
      await alert(body, github.privateKey, "unknown-id"),
    ]) {
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe("INVALID_SIGNATURE");
    }
    const unsigned = await call(leaks, { method: "POST", body });
    expect(unsigned.status).toBe(401);
    // A valid signature over different bytes does not carry over to a modified body.
    const raw = JSON.stringify(body);
    const signature = sign("sha256", Buffer.from(raw), {
      key: github.privateKey,
      dsaEncoding: "der",
    }).toString("base64");
    const modified = await call(leaks, {
      method: "POST",
      rawBody: `${raw} `,
      headers: { "github-public-key-identifier": KEY_ID, "github-public-key-signature": signature },
    });
    expect(modified.status).toBe(401);
    expect((await call(whoami, { headers: { "x-api-key": victim.key } })).status).toBe(200);
  });

  it("validates the alert body once the signature holds", async () => {
    expect((await alert({ token: "x" })).status).toBe(400);
    expect((await alert([{ nope: 1 }])).status).toBe(400);
  });
});

describe("POST /api/v1/leaks refuses tokens that are not really the key they name", () => {
  /** Tenant A's admin adds a signing secret (shown once) and mints whatever payload they like with it. */
  async function mintAs(account: TestAccount, claims: { keyId: string; environment: "live" | "test" }) {
    const res = await call(createSecret, { token: account.accessToken });
    const { secret } = await res.json();
    return signSignedKey(
      { ...claims, tenantId: account.tenantId, scopes: [], expiresAt: null, metadata: {} },
      secret,
    );
  }

  async function statusOf(account: TestAccount, id: string) {
    return (await (await call(getKey, { token: account.accessToken, params: { id } })).json()).status;
  }

  it("a token minted by tenant A naming tenant B's key id leaves B's key alone", async () => {
    const attacker = await createAccount("leak-attacker");
    const victim = await createAccount("leak-victim");
    for (const type of ["secret", "signed", "public_key"] as const) {
      const body = type === "public_key" ? { type, publicKey: testPublicKeyPem() } : { type };
      const target = await createTestKey(victim, body);
      const forged = await mintAs(attacker, { keyId: target.id, environment: "live" });
      const res = await alert([{ token: forged, type: "keydesk_signed_key", source: "content" }]);
      expect(await res.json()).toEqual({ received: 1, matched: 0, revoked: 0 });
      expect(await statusOf(victim, target.id), type).toBe("active");
    }
  });

  it("a token naming one of A's own keys of another type, or the other environment, revokes nothing", async () => {
    const account = await createAccount("leak-own");
    const secretKey = await createTestKey(account);
    const liveSigned = await createTestKey(account, { type: "signed", environment: "live" });
    const forgedType = await mintAs(account, { keyId: secretKey.id, environment: "live" });
    const forgedEnv = await mintAs(account, { keyId: liveSigned.id, environment: "test" });
    const res = await alert([{ token: forgedType }, { token: forgedEnv }]);
    expect(await res.json()).toEqual({ received: 2, matched: 0, revoked: 0 });
    expect(await statusOf(account, secretKey.id)).toBe("active");
    expect(await statusOf(account, liveSigned.id)).toBe("active");
  });

  it("a client JWT is not a leaked key: its public key stays active", async () => {
    const account = await createAccount("leak-jwt");
    const pair = generateKeyPairSync("ec", { namedCurve: "P-256" });
    const publicKey = pair.publicKey.export({ type: "spki", format: "pem" }).toString();
    const jwtKey = await createTestKey(account, { type: "public_key", publicKey });
    const now = nowSeconds();
    const privatePem = pair.privateKey.export({ type: "pkcs8", format: "pem" }).toString();
    const token = signJwt(privatePem, { sub: jwtKey.id, iat: now, exp: now + 300 });
    expect(await (await alert([{ token }])).json()).toEqual({ received: 1, matched: 0, revoked: 0 });
    expect(await statusOf(account, jwtKey.id)).toBe("active");
  });
});

function testPublicKeyPem(): string {
  return generateKeyPairSync("ec", { namedCurve: "P-256" })
    .publicKey.export({ type: "spki", format: "pem" })
    .toString();
}
