import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as metrics } from "@/app/api/metrics/route";
import { GET as whoami } from "@/app/api/v1/whoami/route";
import { getEnv, overrideEnvForTests } from "@/lib/env";
import { createAccount, type TestAccount } from "../accounts";
import { call } from "../http";
import { createTestKey } from "../verification";

const TOKEN = "metrics-token-0123456789abcdef";
const original = getEnv().metricsToken;

let account: TestAccount;

beforeAll(async () => {
  account = await createAccount("metrics");
});

afterAll(() => overrideEnvForTests({ metricsToken: original }));

describe("GET /api/metrics", () => {
  it("is open when METRICS_TOKEN is unset, and counts verifications served through Next", async () => {
    overrideEnvForTests({ metricsToken: undefined });
    const key = await createTestKey(account);
    await call(whoami, { headers: { "x-api-key": key.key } });
    const res = await call(metrics);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/plain");
    expect(res.text).toMatch(/keydesk_verifications_total\{outcome="VALID",path="next"\} [1-9]/);
    expect(res.text).not.toContain(key.id);
    expect(res.text).not.toContain(account.tenantId);
  });

  it("with METRICS_TOKEN set: anonymous, wrong token and a tenant's access token all get 401", async () => {
    overrideEnvForTests({ metricsToken: TOKEN });
    for (const token of [undefined, "not-the-token", account.accessToken]) {
      const res = await call(metrics, token ? { token } : {});
      expect(res.status).toBe(401);
      expect(res.headers.get("www-authenticate")).toContain("Bearer");
      expect((await res.json()).error.code).toBe("UNAUTHORIZED");
      expect(res.text).not.toContain(TOKEN);
    }
    const ok = await call(metrics, { token: TOKEN });
    expect(ok.status).toBe(200);
    expect(ok.text).toContain("keydesk_verification_duration_seconds_bucket");
  });
});
