import { beforeAll, describe, expect, it } from "vitest";
import { GET as usage } from "@/app/api/tenants/me/usage/route";
import { writeUsageBatch } from "@/lib/dal/usage-writes";
import { UsageBuffer } from "@/lib/usage/usage-buffer";
import { createAccount, type TestAccount } from "../accounts";
import { call } from "../http";
import { createTestKey } from "../verification";

async function totals(keyId: string, interval = "minute") {
  const res = await call(usage, {
    token: account.accessToken,
    path: `/?interval=${interval}&keyId=${keyId}`,
  });
  return (await res.json()).totals as Record<string, number>;
}

let account: TestAccount;

beforeAll(async () => {
  account = await createAccount("usage-writes");
});

describe("writeUsageBatch on the real database", () => {
  it("counts a batch once, even when its commit succeeded but the reply was lost and it is retried", async () => {
    const key = await createTestKey(account);
    let loseReply = true;
    const buffer = new UsageBuffer(async (batch) => {
      await writeUsageBatch(batch);
      if (loseReply) throw new Error("connection closed before the commit was acknowledged");
    });
    const at = Date.now();
    for (let i = 0; i < 3; i++)
      buffer.record({ tenantId: account.tenantId, keyId: key.id, outcome: "VALID", at, ip: "192.0.2.7" });
    await expect(buffer.flush()).rejects.toThrow("acknowledged");
    loseReply = false;
    await buffer.flush();
    expect(await totals(key.id)).toEqual({ VALID: 3 });
  });

  it("derives hour and day rows from the minute counts", async () => {
    const key = await createTestKey(account);
    const at = Date.now();
    await writeUsageBatch({
      id: `test-${at}-${key.id}`,
      counts: [
        { tenantId: account.tenantId, keyId: key.id, minute: at - (at % 60_000), outcome: "VALID", count: 4 },
      ],
      lastUsed: [],
    });
    for (const interval of ["minute", "hour", "day"]) {
      expect(await totals(key.id, interval)).toEqual({ VALID: 4 });
    }
  });
});
