import { describe, expect, it } from "vitest";
import { POST as login } from "@/app/api/auth/login/route";
import { POST as register } from "@/app/api/auth/register/route";
import { LOGIN_LIMITS } from "@/lib/auth/login-throttle";
import { PASSWORD } from "../accounts";
import { call, uniqueEmail, uniqueIp } from "../http";

async function newUser() {
  const email = uniqueEmail("throttle");
  await call(register, { body: { email, password: PASSWORD, tenantName: "Throttle Co" }, ip: uniqueIp() });
  return email;
}

describe("login throttling", () => {
  it("evaluates only the budget of 40 parallel wrong passwords, and the owner then signs in from elsewhere", async () => {
    const email = await newUser();
    const attacker = uniqueIp();
    const attempts = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        call(login, { body: { email, password: `wrong-${i}-password` }, ip: attacker }),
      ),
    );
    const statuses = attempts.map((res) => res.status);
    // The reservation is taken before the password is checked: racing requests cannot all pass.
    expect(statuses.filter((status) => status === 401)).toHaveLength(LOGIN_LIMITS.accountAddress.limit);
    expect(statuses.filter((status) => status === 429)).toHaveLength(40 - LOGIN_LIMITS.accountAddress.limit);

    const owner = await call(login, { body: { email, password: PASSWORD }, ip: uniqueIp() });
    expect(owner.status).toBe(200);
  }, 120_000);

  it("blocks an account from the address that failed, even with the right password", async () => {
    const email = await newUser();
    const ip = uniqueIp();
    for (let i = 0; i < LOGIN_LIMITS.accountAddress.limit; i++) {
      expect((await call(login, { body: { email, password: `wrong-${i}-password` }, ip })).status).toBe(401);
    }
    const blocked = await call(login, { body: { email, password: PASSWORD }, ip });
    expect(blocked.status).toBe(429);
    const { error } = await blocked.json();
    expect(error.code).toBe("RATE_LIMITED");
    const retryAfter = Number(blocked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(LOGIN_LIMITS.accountAddress.windowMs / 1000);
    expect(error.details.retryAfter).toBe(retryAfter);
  });

  it("does not count successful logins", async () => {
    const email = await newUser();
    const ip = uniqueIp();
    for (let i = 0; i < LOGIN_LIMITS.accountAddress.limit + 2; i++) {
      expect((await call(login, { body: { email, password: PASSWORD }, ip })).status).toBe(200);
    }
  });

  it("blocks an address that guesses across many accounts", async () => {
    const ip = uniqueIp();
    for (let i = 0; i < LOGIN_LIMITS.address.limit; i++) {
      await call(login, { body: { email: uniqueEmail("spray"), password: "guess-password" }, ip });
    }
    const email = await newUser();
    const res = await call(login, { body: { email, password: PASSWORD }, ip });
    expect(res.status).toBe(429);
    const fromElsewhere = await call(login, { body: { email, password: PASSWORD }, ip: uniqueIp() });
    expect(fromElsewhere.status).toBe(200);
  });

  it("caps failures on one account from many addresses, and the block is short", async () => {
    const email = await newUser();
    const perAttemptMs = LOGIN_LIMITS.account.windowMs / LOGIN_LIMITS.account.limit;
    const started = Date.now();
    const guesses = [];
    // In batches small enough to stay under the bound on concurrent password hashing.
    for (let batch = 0; batch < LOGIN_LIMITS.account.limit + 10; batch += 10) {
      guesses.push(
        ...(await Promise.all(
          Array.from({ length: 10 }, (_, i) =>
            call(login, { body: { email, password: `wrong-${batch + i}-password` }, ip: uniqueIp() }),
          ),
        )),
      );
    }
    const statuses = guesses.map((res) => res.status);
    // GCRA admits one more every window / limit, so a slow run may see a few more evaluated.
    const refilled = Math.floor((Date.now() - started) / perAttemptMs);
    const evaluated = statuses.filter((status) => status === 401).length;
    expect(evaluated).toBeGreaterThanOrEqual(LOGIN_LIMITS.account.limit);
    expect(evaluated).toBeLessThanOrEqual(LOGIN_LIMITS.account.limit + refilled);
    const limited = guesses.filter((res) => res.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    // The owner waits seconds, not the window.
    for (const res of limited) {
      expect(Number(res.headers.get("retry-after"))).toBeLessThanOrEqual(Math.ceil(perAttemptMs / 1000));
    }
  }, 120_000);
});
