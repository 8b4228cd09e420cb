import { describe, expect, it } from "vitest";
import { GET as usage } from "@/app/api/tenants/me/usage/route";
import { POST as verify } from "@/app/api/v1/verify/route";
import { GET as whoami } from "@/app/api/v1/whoami/route";
import { getTopKeys } from "@/lib/dal/usage";
import { getVerifier } from "@/lib/verify/runtime/runtime";
import { createAccount } from "../accounts";
import { call } from "../http";
import { createTestKey } from "../verification";

describe("GET /api/tenants/me/usage", () => {
  it("returns counts by bucket and outcome, per tenant and per key", async () => {
    const a = await createAccount("usage-a");
    const b = await createAccount("usage-b");
    const k1 = await createTestKey(a, { scopes: ["x:read"] });
    const k2 = await createTestKey(a);
    for (let i = 0; i < 3; i++) await call(whoami, { headers: { "x-api-key": k1.key } });
    await call(verify, { body: { key: k1.key, scopes: ["x:write"] } });
    await call(whoami, { headers: { "x-api-key": k2.key } });
    await getVerifier().usage.flush();

    const res = await call(usage, { token: a.accessToken, path: "/?interval=minute" });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.interval).toBe("minute");
    expect(body.totals).toEqual({ VALID: 4, INSUFFICIENT_SCOPE: 1 });
    const nonEmpty = body.series.filter((p: { outcomes: object }) => Object.keys(p.outcomes).length > 0);
    expect(nonEmpty.length).toBeGreaterThanOrEqual(1);
    expect(body.series.length).toBeGreaterThan(60);

    const perKey = await (await call(usage, { token: a.accessToken, path: `/?keyId=${k2.id}` })).json();
    expect(perKey.totals).toEqual({ VALID: 1 });

    const other = await (await call(usage, { token: b.accessToken, path: `/?keyId=${k1.id}` })).json();
    expect(other.totals).toEqual({});

    const ctx = {
      tenantId: a.tenantId,
      userId: a.userId,
      role: "owner" as const,
      actor: { type: "system" as const },
      ip: "x",
    };
    const top = await getTopKeys(ctx, {});
    expect(top[0]).toMatchObject({ keyId: k1.id, total: 4, failed: 1 });
    expect(await getTopKeys({ ...ctx, tenantId: b.tenantId }, {})).toEqual([]);
  });

  it("picks a coarser interval for longer ranges and refuses bad ranges", async () => {
    const a = await createAccount("usage-range");
    const day = await (
      await call(usage, { token: a.accessToken, path: "/?from=2026-01-01T00:00:00Z&to=2026-01-31T00:00:00Z" })
    ).json();
    expect(day.interval).toBe("day");
    expect(day.series).toHaveLength(30);
    for (const path of [
      "/?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z",
      "/?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z&interval=minute",
      "/?interval=week",
      "/?from=yesterday",
    ]) {
      const res = await call(usage, { token: a.accessToken, path });
      expect(res.status, path).toBe(400);
    }
    expect((await call(usage, {})).status).toBe(401);
  });
});
