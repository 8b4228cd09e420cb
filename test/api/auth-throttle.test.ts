import { describe, expect, it } from "vitest";
import { POST as login } from "@/app/api/auth/login/route";
import { POST as register } from "@/app/api/auth/register/route";
import { LOGIN_LIMITS } from "@/lib/auth/login-throttle";
import { PASSWORD } from "../accounts";
import { call, uniqueEmail, uniqueIp } from "../http";

async function newUser() {
  const email = uniqueEmail("throttle");
  await call(register, { body: { email, password: PASSWORD, tenantName: "Throttle Co" } });
  return email;
}

describe("login throttling", () => {
  it("blocks an account after repeated failures, even with the right password, from any address", async () => {
    const email = await newUser();
    const ip = uniqueIp();
    for (let i = 0; i < LOGIN_LIMITS.account.limit; i++) {
      expect((await call(login, { body: { email, password: `wrong-${i}-password` }, ip })).status).toBe(401);
    }
    const blocked = await call(login, { body: { email, password: PASSWORD }, ip });
    expect(blocked.status).toBe(429);
    const { error } = await blocked.json();
    expect(error.code).toBe("RATE_LIMITED");
    const retryAfter = Number(blocked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(LOGIN_LIMITS.account.windowMs / 1000);
    expect(error.details.retryAfter).toBe(retryAfter);

    const elsewhere = await call(login, { body: { email, password: PASSWORD }, ip: uniqueIp() });
    expect(elsewhere.status).toBe(429);
  });

  it("does not count successful logins", async () => {
    const email = await newUser();
    const ip = uniqueIp();
    for (let i = 0; i < LOGIN_LIMITS.account.limit + 2; i++) {
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
});
