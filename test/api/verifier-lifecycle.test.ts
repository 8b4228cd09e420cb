import { beforeAll, describe, expect, it } from "vitest";
import { GET as usage } from "@/app/api/tenants/me/usage/route";
import { GET as whoami } from "@/app/api/v1/whoami/route";
import { getVerifier, stopVerifier } from "@/lib/verify/runtime/runtime";
import { createAccount, type TestAccount } from "../accounts";
import { call } from "../http";
import { createTestKey } from "../verification";

/**
 * Issue 8, defect 2: a request finishing after shutdown flushed the usage buffer used to create a
 * fresh verifier — and a fresh buffer that nobody would ever flush. (Its own file: it stops this
 * worker's verifier for good.)
 */
let account: TestAccount;
let key: { id: string; key: string };

beforeAll(async () => {
  account = await createAccount("lifecycle");
  key = await createTestKey(account);
});

describe("the verifier after stopVerifier()", () => {
  it("stays the same (stopped) verifier: late counts are reported as dropped, never silently lost", async () => {
    expect((await call(whoami, { headers: { "x-api-key": key.key } })).status).toBe(200);
    const before = getVerifier();
    await stopVerifier();
    const totals = await (
      await call(usage, { token: account.accessToken, path: `/?keyId=${key.id}` })
    ).json();
    expect(totals.totals).toEqual({ VALID: 1 });

    expect((await call(whoami, { headers: { "x-api-key": key.key } })).status).toBe(200);
    expect(getVerifier()).toBe(before);
    expect(before.stopped).toBe(true);
    expect(before.usage.stats.droppedVerifications).toBe(1);
    expect(before.usage.pending).toBe(0);
  });
});
