import { beforeAll, describe, expect, it } from "vitest";
import { POST as adjust } from "@/app/api/tenants/me/api-keys/[id]/credits/route";
import {
  GET as getKey,
  PATCH as patchKey,
  DELETE as revokeKey,
} from "@/app/api/tenants/me/api-keys/[id]/route";
import { GET as listKeys } from "@/app/api/tenants/me/api-keys/route";
import { GET as auditLog } from "@/app/api/tenants/me/audit-log/route";
import { POST as verify } from "@/app/api/v1/verify/route";
import { createAccount, type TestAccount } from "../accounts";
import { call } from "../http";
import { joinAs } from "../teams";
import { createTestKey } from "../verification";

// Issue 12: credits are set on create and PATCH, adjusted by POST …/{id}/credits, each change audited.

let owner: TestAccount;
let viewer: TestAccount;
let other: TestAccount;
beforeAll(async () => {
  owner = await createAccount("credits-mgmt");
  viewer = await joinAs(owner, "viewer");
  other = await createAccount("credits-other");
});

const adjustBy = (token: string | undefined, id: string, body: unknown) =>
  call(adjust, { ...(token ? { token } : {}), params: { id }, body });
const patchWith = (token: string, id: string, body: unknown) =>
  call(patchKey, { method: "PATCH", token, params: { id }, body });
const creditsOf = async (id: string, token = owner.accessToken) =>
  (await (await call(getKey, { token, params: { id } })).json()).credits;
const auditOf = async (id: string) =>
  (await (await call(auditLog, { token: owner.accessToken, path: `/?targetId=${id}` })).json()).data as {
    action: string;
    details: Record<string, unknown>;
  }[];

describe("credits on create and PATCH", () => {
  it("create takes credits with a monthly refill (day 1 by default) and the DTO shows them", async () => {
    const key = await createTestKey(owner, {
      credits: { remaining: 50_000, refill: { interval: "monthly", amount: 50_000 } },
    });
    const now = new Date();
    expect(key.credits).toEqual({
      remaining: 50_000,
      refill: { interval: "monthly", amount: 50_000, dayOfMonth: 1 },
      nextRefillAt: new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString(),
    });
    const listed = (await (await call(listKeys, { token: owner.accessToken })).json()).data;
    expect(listed.find((k: { id: string }) => k.id === key.id).credits.remaining).toBe(50_000);
    const [created] = await auditOf(key.id);
    expect(created).toMatchObject({ action: "api_key.created", details: { credits: { after: 50_000 } } });
    expect((await createTestKey(owner)).credits).toBeNull();
  });

  it("PATCH sets, replaces and removes credits, audited with before and after", async () => {
    const key = await createTestKey(owner);
    const set = await patchWith(owner.accessToken, key.id, {
      credits: { remaining: 100, refill: { interval: "daily", amount: 100 } },
    });
    expect(set.status).toBe(200);
    expect((await set.json()).credits).toMatchObject({ remaining: 100, refill: { interval: "daily" } });
    const removed = await patchWith(owner.accessToken, key.id, { credits: null });
    expect((await removed.json()).credits).toBeNull();
    const events = (await auditOf(key.id)).filter((e) => e.action === "api_key.updated");
    expect(events.map((e) => e.details).reverse()).toEqual([
      {
        changed: ["credits"],
        credits: {
          before: { remaining: null, refill: null },
          after: { remaining: 100, refill: { interval: "daily", amount: 100, dayOfMonth: null } },
        },
      },
      {
        changed: ["credits"],
        credits: {
          before: { remaining: 100, refill: { interval: "daily", amount: 100, dayOfMonth: null } },
          after: { remaining: null, refill: null },
        },
      },
    ]);
  });

  it("refuses bad credits with a field error naming the field", async () => {
    const key = await createTestKey(owner);
    const cases: [unknown, string][] = [
      [{ remaining: -1 }, "credits.remaining"],
      [{ remaining: 1.5 }, "credits.remaining"],
      [{ remaining: 1_000_000_001 }, "credits.remaining"],
      [{}, "credits.remaining"],
      [{ remaining: 1, refill: { interval: "weekly", amount: 1 } }, "credits.refill.interval"],
      [
        { remaining: 1, refill: { interval: "daily", amount: 1, dayOfMonth: 3 } },
        "credits.refill.dayOfMonth",
      ],
      [
        { remaining: 1, refill: { interval: "monthly", amount: 1, dayOfMonth: 32 } },
        "credits.refill.dayOfMonth",
      ],
      [{ remaining: 1, extra: true }, "credits"],
    ];
    for (const [credits, path] of cases) {
      const res = await patchWith(owner.accessToken, key.id, { credits });
      expect(res.status, JSON.stringify(credits)).toBe(400);
      const { error } = await res.json();
      expect(error.code).toBe("VALIDATION_ERROR");
      expect(error.details.fields.map((f: { path: string }) => f.path)).toContain(path);
    }
    expect(await creditsOf(key.id)).toBeNull();
  });
});

describe("POST /api/tenants/me/api-keys/{id}/credits", () => {
  it("sets, increments and decrements (stopping at 0), each audited with before and after", async () => {
    const key = await createTestKey(owner, { credits: { remaining: 10 } });
    const steps: [string, number, number][] = [
      ["increment", 5, 15],
      ["decrement", 3, 12],
      ["decrement", 100, 0],
      ["set", 42, 42],
    ];
    for (const [op, amount, after] of steps) {
      const res = await adjustBy(owner.accessToken, key.id, { op, amount });
      expect(res.status, op).toBe(200);
      const dto = await res.json();
      expect(dto).toMatchObject({ id: key.id, credits: { remaining: after } });
      expect(dto).not.toHaveProperty("key");
    }
    const changes = (await auditOf(key.id)).filter((e) => e.action === "api_key.credits_changed");
    expect(changes.map((e) => e.details).reverse()).toEqual([
      { op: "increment", amount: 5, before: 10, after: 15 },
      { op: "decrement", amount: 3, before: 15, after: 12 },
      { op: "decrement", amount: 100, before: 12, after: 0 },
      { op: "set", amount: 42, before: 0, after: 42 },
    ]);
    // The verifier spends from the new balance.
    const verified = await (await call(verify, { body: { key: key.key } })).json();
    expect(verified.credits.remaining).toBe(41);
  });

  it("gives an unlimited key credits with set; increment or decrement on it is a 409", async () => {
    const key = await createTestKey(owner);
    for (const op of ["increment", "decrement"]) {
      const res = await adjustBy(owner.accessToken, key.id, { op, amount: 1 });
      expect(res.status).toBe(409);
      expect((await res.json()).error.code).toBe("CONFLICT");
    }
    const set = await adjustBy(owner.accessToken, key.id, { op: "set", amount: 3 });
    expect((await set.json()).credits).toEqual({ remaining: 3, refill: null, nextRefillAt: null });
  });

  it("refuses bad input with field errors, and an increment past the ceiling", async () => {
    const key = await createTestKey(owner, { credits: { remaining: 999_999_999 } });
    const bad: [unknown, string][] = [
      [{ op: "add", amount: 1 }, "op"],
      [{ op: "set", amount: -1 }, "amount"],
      [{ op: "set", amount: 2.5 }, "amount"],
      [{ op: "set", amount: "5" }, "amount"],
      [{ op: "set" }, "amount"],
      [{ op: "set", amount: 1_000_000_001 }, "amount"],
      [{ op: "increment", amount: 2 }, "amount"],
    ];
    for (const [body, path] of bad) {
      const res = await adjustBy(owner.accessToken, key.id, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const { error } = await res.json();
      expect(error.code).toBe("VALIDATION_ERROR");
      expect(error.details.fields.map((f: { path: string }) => f.path)).toContain(path);
    }
    expect((await creditsOf(key.id)).remaining).toBe(999_999_999);
  });

  it("a revoked key's credits cannot be changed (409)", async () => {
    const key = await createTestKey(owner, { credits: { remaining: 1 } });
    await call(revokeKey, { method: "DELETE", token: owner.accessToken, params: { id: key.id }, body: {} });
    const res = await adjustBy(owner.accessToken, key.id, { op: "set", amount: 5 });
    expect(res.status).toBe(409);
  });
});

describe("who may change credits", () => {
  it("anonymous: 401, nothing changes", async () => {
    const key = await createTestKey(owner, { credits: { remaining: 5 } });
    const res = await adjustBy(undefined, key.id, { op: "set", amount: 1 });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).not.toBeNull();
    expect((await creditsOf(key.id)).remaining).toBe(5);
  });

  it("a viewer: 403 on the credits route and on PATCH, but may read the balance", async () => {
    const key = await createTestKey(owner, { credits: { remaining: 5 } });
    const refused = await adjustBy(viewer.accessToken, key.id, { op: "set", amount: 1 });
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe("FORBIDDEN");
    expect((await patchWith(viewer.accessToken, key.id, { credits: null })).status).toBe(403);
    expect((await creditsOf(key.id, viewer.accessToken)).remaining).toBe(5);
  });

  it("another tenant: 404 as for an unknown id, never sees or changes the balance", async () => {
    const key = await createTestKey(owner, { credits: { remaining: 5 } });
    for (const res of [
      await adjustBy(other.accessToken, key.id, { op: "set", amount: 1000 }),
      await patchWith(other.accessToken, key.id, { credits: { remaining: 1000 } }),
      await call(getKey, { token: other.accessToken, params: { id: key.id } }),
    ]) {
      expect(res.status).toBe(404);
      expect(res.text).not.toContain('"remaining"');
    }
    const unknown = await adjustBy(owner.accessToken, "key_000000000000000000000000", {
      op: "set",
      amount: 1,
    });
    expect(unknown.status).toBe(404);
    expect((await creditsOf(key.id)).remaining).toBe(5);
  });
});
