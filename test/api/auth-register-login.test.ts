import { describe, expect, it } from "vitest";
import { POST as login } from "@/app/api/auth/login/route";
import { POST as register } from "@/app/api/auth/register/route";
import { PASSWORD } from "../accounts";
import { call, uniqueEmail, uniqueIp } from "../http";

describe("POST /api/auth/register", () => {
  it("creates a tenant and its owner (201)", async () => {
    const email = uniqueEmail();
    const res = await call(register, { body: { email, password: PASSWORD, tenantName: "Acme Corp" } });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.user.email).toBe(email);
    expect(body.user.id).toMatch(/^usr_[0-9A-Za-z]{24}$/);
    expect(body.tenant).toMatchObject({ name: "Acme Corp", role: "owner" });
    expect(body.tenant.id).toMatch(/^ten_[0-9A-Za-z]{24}$/);
    expect(res.text).not.toContain(PASSWORD);
  });

  it("refuses a second account with the same email, whatever its case (409)", async () => {
    const email = uniqueEmail();
    await call(register, { body: { email, password: PASSWORD, tenantName: "First" } });
    const res = await call(register, {
      body: { email: email.toUpperCase(), password: PASSWORD, tenantName: "Second" },
    });
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe("EMAIL_TAKEN");
  });

  it("answers 400 VALIDATION_ERROR with field details", async () => {
    const res = await call(register, { body: { email: "not-an-email", password: "short", tenantName: "" } });
    expect(res.status).toBe(400);
    const { error } = await res.json();
    expect(error.code).toBe("VALIDATION_ERROR");
    const paths = error.details.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(["email", "password", "tenantName"]));
    expect(res.text).not.toContain("short");
  });

  it("answers 400 INVALID_JSON for a malformed body, without echoing it", async () => {
    const res = await call(register, {
      rawBody: '{"email": "a@b.c", "password": "hunter2hunter2"',
      headers: { "content-type": "application/json" },
    });
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body).toEqual({ error: { code: "INVALID_JSON", message: "The request body is not valid JSON." } });
  });

  it("answers 415 for a body that is not JSON", async () => {
    const res = await call(register, {
      rawBody: "email=a@b.c",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(415);
    expect((await res.json()).error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("answers 413 for an oversized body", async () => {
    const res = await call(register, {
      body: { email: uniqueEmail(), password: PASSWORD, tenantName: "x".repeat(70_000) },
    });
    expect(res.status).toBe(413);
  });
});

describe("POST /api/auth/login", () => {
  it("returns an access/refresh pair that is not cacheable", async () => {
    const email = uniqueEmail();
    await call(register, { body: { email, password: PASSWORD, tenantName: "Login Co" } });
    const res = await call(login, { body: { email, password: PASSWORD }, ip: uniqueIp() });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ expiresIn: 3600, tokenType: "Bearer" });
    expect(body.accessToken.split(".")).toHaveLength(3);
    expect(body.refreshToken).toMatch(/^rt_/);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("answers a wrong password and an unknown email identically (401)", async () => {
    const email = uniqueEmail();
    await call(register, { body: { email, password: PASSWORD, tenantName: "Login Co" } });
    const wrong = await call(login, { body: { email, password: "wrong password!" }, ip: uniqueIp() });
    const unknown = await call(login, {
      body: { email: uniqueEmail(), password: "wrong password!" },
      ip: uniqueIp(),
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    expect((await wrong.json()).error.code).toBe("INVALID_CREDENTIALS");
    expect(wrong.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(wrong.text).not.toContain("wrong password!");
  });

  it("validates the body", async () => {
    const res = await call(login, { body: { email: "x" } });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("VALIDATION_ERROR");
  });
});
