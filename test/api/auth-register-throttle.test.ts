import { afterEach, describe, expect, it } from "vitest";
import { POST as login } from "@/app/api/auth/login/route";
import { POST as register } from "@/app/api/auth/register/route";
import { setHashingLimitsForTests } from "@/lib/auth/hashing-slots";
import { getEnv, overrideEnvForTests } from "@/lib/env";
import { PASSWORD } from "../accounts";
import { call, uniqueEmail, uniqueIp } from "../http";

const defaultLimit = getEnv().signupRateLimit;

afterEach(() => {
  overrideEnvForTests({ signupRateLimit: defaultLimit });
  setHashingLimitsForTests(null);
});

function signUp(ip: string) {
  return call(register, {
    body: { email: uniqueEmail("signup"), password: PASSWORD, tenantName: "Signup Co" },
    ip,
  });
}

describe("sign-up throttling per address", () => {
  it("answers 429 with Retry-After once an address spent its sign-ups, and other addresses still sign up", async () => {
    overrideEnvForTests({ signupRateLimit: 3 });
    const ip = uniqueIp();
    for (let i = 0; i < 3; i++) expect((await signUp(ip)).status).toBe(201);
    const limited = await signUp(ip);
    expect(limited.status).toBe(429);
    const { error } = await limited.json();
    expect(error.code).toBe("RATE_LIMITED");
    const retryAfter = Number(limited.headers.get("retry-after"));
    // One more sign-up per hour / limit.
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(3600 / 3);
    expect(error.details.retryAfter).toBe(retryAfter);
    expect((await signUp(uniqueIp())).status).toBe(201);
  }, 120_000);

  it("counts attempts for a taken email too, so the answer cannot be probed without limit", async () => {
    overrideEnvForTests({ signupRateLimit: 2 });
    const ip = uniqueIp();
    const email = uniqueEmail("taken");
    const body = { email, password: PASSWORD, tenantName: "Taken Co" };
    expect((await call(register, { body, ip })).status).toBe(201);
    expect((await call(register, { body, ip })).status).toBe(409);
    expect((await call(register, { body, ip })).status).toBe(429);
  }, 120_000);
});

describe("bounded password hashing", () => {
  it("answers 503 with Retry-After past the bound, for sign-ups and logins alike, and never 500", async () => {
    setHashingLimitsForTests({ concurrency: 1, queue: 1 });
    const signups = await Promise.all(Array.from({ length: 6 }, () => signUp(uniqueIp())));
    const statuses = signups.map((res) => res.status);
    expect(statuses).toContain(201);
    expect(statuses).toContain(503);
    expect(statuses.every((status) => status === 201 || status === 503)).toBe(true);
    const busy = signups.find((res) => res.status === 503)!;
    expect(busy.headers.get("retry-after")).toBe("1");
    expect((await busy.json()).error.code).toBe("SERVICE_UNAVAILABLE");

    const logins = await Promise.all(
      Array.from({ length: 6 }, () =>
        call(login, {
          body: { email: uniqueEmail("nobody"), password: "whatever-password" },
          ip: uniqueIp(),
        }),
      ),
    );
    expect(logins.map((res) => res.status)).toContain(503);
    expect(logins.every((res) => res.status === 401 || res.status === 503)).toBe(true);
  }, 120_000);

  it("does not count a login the server was too busy to evaluate", async () => {
    const email = uniqueEmail("busy");
    await call(register, { body: { email, password: PASSWORD, tenantName: "Busy Co" }, ip: uniqueIp() });
    setHashingLimitsForTests({ concurrency: 1, queue: 0 });
    const ip = uniqueIp();
    const burst = await Promise.all(
      Array.from({ length: 8 }, () => call(login, { body: { email, password: "wrong-password-x" }, ip })),
    );
    expect(burst.filter((res) => res.status === 503).length).toBeGreaterThan(0);
    setHashingLimitsForTests(null);
    // Only the evaluated failures counted: the budget of 5 is not spent by the refused ones.
    const evaluated = burst.filter((res) => res.status === 401).length;
    expect(evaluated).toBeLessThan(5);
    expect((await call(login, { body: { email, password: PASSWORD }, ip })).status).toBe(200);
  }, 120_000);
});
