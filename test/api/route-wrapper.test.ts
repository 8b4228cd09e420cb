import { describe, expect, it } from "vitest";
import { z } from "zod";
import { GET as health } from "@/app/api/health/route";
import { GET as ready } from "@/app/api/ready/route";
import { GET as ip } from "@/app/api/v1/ip/route";
import { publicRoute } from "@/lib/api/route";
import { AppError } from "@/lib/errors/app-error";
import { call } from "../http";

describe("the route wrapper", () => {
  it("turns an unexpected exception into a bare 500 with no internals", async () => {
    const handler = publicRoute({}, () => {
      throw new Error("connect ECONNREFUSED db.internal:5432 at /srv/keydesk/lib/dal.ts:42");
    });
    const res = await call(handler, {});
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({
      error: { code: "INTERNAL_ERROR", message: "Something went wrong on our side." },
    });
    expect(res.text).not.toMatch(/ECONNREFUSED|\.ts|at /);
  });

  it("answers AppErrors with their code, status and details", async () => {
    const handler = publicRoute({}, () => {
      throw new AppError("NOT_FOUND", "No such thing.", { id: "x" });
    });
    const res = await call(handler, {});
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      error: { code: "NOT_FOUND", message: "No such thing.", details: { id: "x" } },
    });
  });

  it("validates query strings and refuses credentials in them", async () => {
    const handler = publicRoute(
      { query: z.object({ limit: z.coerce.number().int().max(100) }) },
      ({ query }) => ({ limit: query.limit }),
    );
    expect((await call(handler, { path: "/x?limit=5" })).status).toBe(200);
    expect((await call(handler, { path: "/x?limit=500" })).status).toBe(400);
    const leaked = await call(handler, { path: "/x?limit=5&api_key=ak_live_secret" });
    expect(leaked.status).toBe(400);
    expect((await leaked.json()).error.code).toBe("KEY_IN_QUERY");
    expect(leaked.text).not.toContain("ak_live_secret");
  });
});

describe("health, readiness and the caller's address", () => {
  it("GET /api/health answers without the database", async () => {
    const res = await health();
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
  });

  it("GET /api/ready checks the database", async () => {
    const res = await call(ready, {});
    expect(res.status).toBe(200);
    expect((await res.json()).status).toBe("ready");
  });

  it("GET /api/v1/ip reports the stamped address and ignores forwarded headers", async () => {
    const res = await call(ip, { ip: "198.51.100.7", headers: { "x-forwarded-for": "1.2.3.4" } });
    expect(await res.json()).toEqual({ ip: "198.51.100.7" });
  });

  it("does not trust an address header without the server's token", async () => {
    const req = new Request("http://keydesk.test/api/v1/ip", {
      headers: { "x-keydesk-client-ip": "10.0.0.1", "x-keydesk-peer-token": "guess" },
    });
    expect(await (await ip(req)).json()).toEqual({ ip: "unknown" });
  });
});
