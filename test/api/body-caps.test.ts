import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { POST as nextAuth } from "@/app/api/auth/[...nextauth]/route";
import { POST as login } from "@/app/api/auth/login/route";
import { POST as register } from "@/app/api/auth/register/route";
import { POST as createKey } from "@/app/api/tenants/me/api-keys/route";
import { POST as leaks } from "@/app/api/v1/leaks/route";
import { POST as verify } from "@/app/api/v1/verify/route";
import { BODY_CAPS } from "@/lib/http/body-limits";
import { stampedClientIpHeaders } from "@/lib/http/client-ip";
import { createAccount } from "../accounts";
import { call, uniqueIp } from "../http";

/**
 * Issue 7, defect 4, at the route handlers themselves (server.ts adds its own guard in front, see
 * test/server/body-limits.test.ts): a streamed body without Content-Length is read only up to the
 * route's cap, then refused with 413 in the error envelope.
 */
const CHUNK = 64 * 1024;
const HUGE = 200 * 1024 * 1024;

/** A body of `total` bytes that is produced only as fast as the route pulls it. */
function streamingBody(total: number, prefix = "") {
  let produced = 0;
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (produced >= total) return controller.close();
      const chunk = produced === 0 && prefix ? Buffer.from(prefix) : Buffer.alloc(CHUNK, 0x20);
      produced += chunk.length;
      controller.enqueue(chunk);
    },
  });
  return { stream, produced: () => produced };
}

type Route = (req: NextRequest, segment: never) => Promise<Response>;

async function postStream(route: Route, path: string, contentType: string, prefix = "", segment?: unknown) {
  const body = streamingBody(HUGE, prefix);
  const init = {
    method: "POST",
    headers: { "content-type": contentType, ...stampedClientIpHeaders(uniqueIp()) },
    body: body.stream,
    duplex: "half",
  };
  const req = new NextRequest(
    `http://keydesk.test${path}`,
    init as ConstructorParameters<typeof NextRequest>[1],
  );
  const res = await route(req, (segment ?? { params: Promise.resolve({}) }) as never);
  return { res, pulled: body.produced() };
}

describe("route handlers stop reading a streamed body at their cap", () => {
  it.each([
    ["POST /api/auth/login", login as Route, "/api/auth/login", BODY_CAPS.api],
    ["POST /api/auth/register", register as Route, "/api/auth/register", BODY_CAPS.api],
    ["POST /api/v1/verify (Next path)", verify as Route, "/api/v1/verify", BODY_CAPS.api],
    ["POST /api/v1/leaks", leaks as Route, "/api/v1/leaks", BODY_CAPS.leaks],
  ])("%s", async (_name, route, path, cap) => {
    const { res, pulled } = await postStream(route, path, "application/json", '{"email":"a@b.co",');
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: "PAYLOAD_TOO_LARGE" } });
    // The stream may be a few chunks ahead of the reader, never hundreds of MB.
    expect(pulled).toBeLessThanOrEqual(cap + 4 * CHUNK);
  });

  it("next-auth's credentials callback", async () => {
    const segment = { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) };
    const { res, pulled } = await postStream(
      nextAuth as Route,
      "/api/auth/callback/credentials",
      "application/x-www-form-urlencoded",
      "email=a%40b.co&password=",
      segment,
    );
    expect(res.status).toBe(413);
    expect((await res.json()).error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(pulled).toBeLessThanOrEqual(BODY_CAPS.api + 4 * CHUNK);
  });

  it("the management API", async () => {
    const owner = await createAccount("caps");
    const body = streamingBody(HUGE, '{"name":"');
    const req = new Request("http://keydesk.test/api/tenants/me/api-keys", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        authorization: `Bearer ${owner.accessToken}`,
        ...stampedClientIpHeaders(uniqueIp()),
      },
      body: body.stream,
      duplex: "half",
    } as RequestInit & { duplex: "half" });
    const res = await createKey(req);
    expect(res.status).toBe(413);
    expect(body.produced()).toBeLessThanOrEqual(BODY_CAPS.api + 4 * CHUNK);
  }, 120_000);
});

describe("JSON that would hurt whatever reads it next", () => {
  it("refuses nesting deeper than 32 levels with 400, not a stack overflow", async () => {
    const owner = await createAccount("deep");
    const deep = `${'{"a":'.repeat(5000)}1${"}".repeat(5000)}`;
    const res = await call(createKey, {
      rawBody: `{"name":"deep","metadata":${deep}}`,
      headers: { "content-type": "application/json" },
      token: owner.accessToken,
      method: "POST",
    });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe("VALIDATION_ERROR");
  }, 120_000);

  it("refuses NUL characters with 400 instead of failing the INSERT with 500", async () => {
    const owner = await createAccount("nul");
    const res = await call(createKey, { body: { name: "nul\u0000name" }, token: owner.accessToken });
    expect(res.status).toBe(400);
    expect((await res.json()).error).toMatchObject({ code: "VALIDATION_ERROR" });
    const signup = await call(register, {
      body: { email: "nul@example.com", password: "correct horse battery", tenantName: "Nul\u0000Co" },
      ip: uniqueIp(),
    });
    expect(signup.status).toBe(400);
  }, 120_000);
});
