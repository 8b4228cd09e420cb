import { beforeAll, describe, expect, it } from "vitest";
import { POST as login } from "@/app/api/auth/login/route";
import { POST as rotateKey } from "@/app/api/tenants/me/api-keys/[id]/rotate/route";
import {
  GET as getKey,
  PATCH as patchKey,
  DELETE as revokeKey,
} from "@/app/api/tenants/me/api-keys/[id]/route";
import { POST as createKey, GET as listKeys } from "@/app/api/tenants/me/api-keys/route";
import { GET as auditLog } from "@/app/api/tenants/me/audit-log/route";
import { DELETE as retireSecret } from "@/app/api/tenants/me/signing-secrets/[id]/route";
import { POST as createSecret, GET as listSecrets } from "@/app/api/tenants/me/signing-secrets/route";
import { getDb } from "@/db/client";
import { memberships, users } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { newId } from "@/lib/ids";
import { createAccount, PASSWORD, type TestAccount } from "../accounts";
import { call, uniqueEmail, uniqueIp } from "../http";

let a: TestAccount;
let b: TestAccount;
let aKey: { id: string; key: string };

beforeAll(async () => {
  a = await createAccount("tenant-a");
  b = await createAccount("tenant-b");
  aKey = await (await call(createKey, { token: a.accessToken, body: { name: "A's key" } })).json();
});

describe("tenant isolation", () => {
  it("another tenant's key id answers 404 exactly like an unknown id, on every route", async () => {
    const unknown = "key_000000000000000000000000";
    const attempts = [
      (id: string) => call(getKey, { token: b.accessToken, params: { id } }),
      (id: string) =>
        call(patchKey, { method: "PATCH", token: b.accessToken, params: { id }, body: { name: "pwned" } }),
      (id: string) => call(revokeKey, { method: "DELETE", token: b.accessToken, params: { id } }),
      (id: string) => call(rotateKey, { token: b.accessToken, params: { id }, body: {} }),
    ];
    for (const attempt of attempts) {
      const foreign = await attempt(aKey.id);
      const missing = await attempt(unknown);
      expect(foreign.status).toBe(404);
      expect(await foreign.json()).toEqual(await missing.json());
    }
    const still = await (await call(getKey, { token: a.accessToken, params: { id: aKey.id } })).json();
    expect(still).toMatchObject({ name: "A's key", status: "active" });
  });

  it("lists and audit logs show only the caller's tenant", async () => {
    const list = await (await call(listKeys, { token: b.accessToken })).json();
    expect(list.data.map((k: { id: string }) => k.id)).not.toContain(aKey.id);
    const audit = await call(auditLog, { token: b.accessToken, path: "/?limit=100" });
    expect(audit.text).not.toContain(aKey.id);
    expect(audit.text).not.toContain(a.tenantId);
  });

  it("signing secrets of one tenant cannot be listed or retired by another", async () => {
    const created = await (await call(createSecret, { token: a.accessToken })).json();
    expect(created.secret).toMatch(/^aksec_/);
    const bList = await call(listSecrets, { token: b.accessToken });
    expect(bList.text).not.toContain(created.id);
    const retire = await call(retireSecret, {
      method: "DELETE",
      token: b.accessToken,
      params: { id: created.id },
    });
    expect(retire.status).toBe(404);
    const aList = await (await call(listSecrets, { token: a.accessToken })).json();
    expect(aList.data).toEqual([
      expect.objectContaining({ id: created.id, status: "active", hint: created.secret.slice(-4) }),
    ]);
    expect(JSON.stringify(aList)).not.toContain(created.secret);
  });

  it("the last active signing secret cannot be retired", async () => {
    const account = await createAccount("secrets");
    const first = await (await call(createSecret, { token: account.accessToken })).json();
    expect(
      (await call(retireSecret, { method: "DELETE", token: account.accessToken, params: { id: first.id } }))
        .status,
    ).toBe(409);
    await call(createSecret, { token: account.accessToken });
    const retired = await call(retireSecret, {
      method: "DELETE",
      token: account.accessToken,
      params: { id: first.id },
    });
    expect(retired.status).toBe(200);
    expect((await retired.json()).status).toBe("retired");
  });
});

describe("credentials on management routes", () => {
  it("an API key (even a valid one) or a made-up JWT gets 401", async () => {
    for (const token of [aKey.key, "eyJhbGciOiJFUzI1NiJ9.eyJzdWIiOiJrZXlfeCJ9.c2ln"]) {
      const res = await call(listKeys, { token });
      expect(res.status).toBe(401);
      expect(res.text).not.toContain(token);
    }
    const res = await call(listKeys, { headers: { "x-api-key": aKey.key } });
    expect(res.status).toBe(401);
  });
});

describe("viewers", () => {
  it("can read keys but every write is 403", async () => {
    const db = await getDb();
    const email = uniqueEmail("viewer");
    const userId = newId("usr");
    await db.insert(users).values({ id: userId, email, passwordHash: await hashPassword(PASSWORD) });
    await db.insert(memberships).values({ tenantId: a.tenantId, userId, role: "viewer" });
    const { accessToken } = await (
      await call(login, { body: { email, password: PASSWORD }, ip: uniqueIp() })
    ).json();

    expect((await call(getKey, { token: accessToken, params: { id: aKey.id } })).status).toBe(200);
    const writes = [
      call(createKey, { token: accessToken, body: { name: "x" } }),
      call(patchKey, { method: "PATCH", token: accessToken, params: { id: aKey.id }, body: { name: "x" } }),
      call(revokeKey, { method: "DELETE", token: accessToken, params: { id: aKey.id } }),
      call(rotateKey, { token: accessToken, params: { id: aKey.id }, body: {} }),
      call(createSecret, { token: accessToken }),
    ];
    for (const res of await Promise.all(writes)) {
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe("FORBIDDEN");
    }
    expect(
      (await (await call(getKey, { token: a.accessToken, params: { id: aKey.id } })).json()).status,
    ).toBe("active");
  });
});
