import { describe, expect, it } from "vitest";
import { POST as logout } from "@/app/api/auth/logout/route";
import { POST as refresh } from "@/app/api/auth/refresh/route";
import { GET as getTenant } from "@/app/api/tenants/me/route";
import { createAccount } from "../accounts";
import { call } from "../http";

describe("POST /api/auth/refresh", () => {
  it("rotates: a new pair, and the new access token works", async () => {
    const account = await createAccount();
    const res = await call(refresh, { body: { refreshToken: account.refreshToken } });
    expect(res.status).toBe(200);
    const pair = await res.json();
    expect(pair.refreshToken).not.toBe(account.refreshToken);
    expect(pair.expiresIn).toBe(3600);
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect((await call(getTenant, { token: pair.accessToken })).status).toBe(200);
  });

  it("re-use of a spent refresh token revokes the whole family", async () => {
    const account = await createAccount();
    const first = await (await call(refresh, { body: { refreshToken: account.refreshToken } })).json();

    const replay = await call(refresh, { body: { refreshToken: account.refreshToken } });
    expect(replay.status).toBe(401);
    expect((await replay.json()).error.code).toBe("INVALID_REFRESH_TOKEN");

    expect((await call(refresh, { body: { refreshToken: first.refreshToken } })).status).toBe(401);
    expect((await call(getTenant, { token: first.accessToken })).status).toBe(401);
    expect((await call(getTenant, { token: account.accessToken })).status).toBe(401);
  });

  it("refuses unknown tokens and bad bodies", async () => {
    expect((await call(refresh, { body: { refreshToken: "rt_nope" } })).status).toBe(401);
    const bad = await call(refresh, { body: {} });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe("VALIDATION_ERROR");
  });

  it("does not let an access token pass as a refresh token", async () => {
    const account = await createAccount();
    expect((await call(refresh, { body: { refreshToken: account.accessToken } })).status).toBe(401);
  });
});

describe("POST /api/auth/logout", () => {
  it("with the refresh token ends the session: access and refresh tokens stop working", async () => {
    const account = await createAccount();
    expect((await call(logout, { body: { refreshToken: account.refreshToken } })).status).toBe(204);
    expect((await call(getTenant, { token: account.accessToken })).status).toBe(401);
    expect((await call(refresh, { body: { refreshToken: account.refreshToken } })).status).toBe(401);
  });

  it("with the access token alone ends that session only", async () => {
    const a = await createAccount();
    const b = await createAccount();
    expect((await call(logout, { token: a.accessToken, body: {} })).status).toBe(204);
    expect((await call(getTenant, { token: a.accessToken })).status).toBe(401);
    expect((await call(getTenant, { token: b.accessToken })).status).toBe(200);
  });

  it("without any credential is a 401", async () => {
    const res = await call(logout, { body: {} });
    expect(res.status).toBe(401);
    expect(res.headers.get("www-authenticate")).toMatch(/^Bearer/);
  });
});
