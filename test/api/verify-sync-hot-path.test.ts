import { beforeAll, describe, expect, it } from "vitest";
import { POST as verify } from "@/app/api/v1/verify/route";
import { GET as whoami } from "@/app/api/v1/whoami/route";
import { stampedClientIpHeaders } from "@/lib/http/client-ip";
import type { HttpInput } from "@/lib/http/core";
import { createAccount } from "../accounts";
import { newP256KeyPair } from "../es256";
import { call } from "../http";
import { createTestKey, nowSeconds, signJwt } from "../verification";

/**
 * Issue 10: a cached secret key is answered without a single promise when the stores are in
 * process (every promise costs a microtask, and async_hooks' init hook once Next has made an
 * AsyncLocalStorage). With Redis the rate limit is a round trip, so the answer is a promise.
 */
const inProcessStores = !process.env.REDIS_URL;

function input(headers: Record<string, string>, url = "/api/v1/whoami"): HttpInput {
  const all = new Headers({ ...headers, ...stampedClientIpHeaders("203.0.113.10") });
  return {
    method: "GET",
    url,
    header: (name) => all.get(name),
    text: () => Promise.reject(new Error("whoami reads no body")),
    via: "fast",
  };
}

let key: { id: string; key: string };
let signed: { id: string; key: string };
let jwtKeyId: string;
let jwt: string;

beforeAll(async () => {
  const owner = await createAccount("sync-path");
  key = await createTestKey(owner);
  signed = await createTestKey(owner, { type: "signed" });
  const pair = newP256KeyPair();
  jwtKeyId = (await createTestKey(owner, { type: "public_key", publicKey: pair.publicPem })).id;
  const privatePem = pair.privateKey.export({ format: "pem", type: "pkcs8" }).toString();
  // No jti: one token sent again and again (a token with a jti waits for the replay store).
  jwt = signJwt(privatePem, { sub: jwtKeyId, iat: nowSeconds(), exp: nowSeconds() + 600 });
  // The first verification of each loads its key (and the tenant's signing secrets) into the cache.
  const credentials: Record<string, string>[] = [
    { "x-api-key": key.key },
    { "x-api-key": signed.key },
    { authorization: `Bearer ${jwt}` },
  ];
  for (const headers of credentials) {
    expect((await call(whoami, { headers })).status).toBe(200);
  }
});

describe("the verification hot path", () => {
  it(
    inProcessStores
      ? "answers a cached secret key synchronously, as the route handler does"
      : "answers a cached secret key (a promise: the Redis rate limit is a round trip)",
    async () => {
      const out = whoami.core(input({ "x-api-key": key.key }));
      expect(out instanceof Promise).toBe(!inProcessStores);
      const answer = await out;
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.body)).toMatchObject({ keyId: key.id, type: "secret" });
      const viaNext = await call(whoami, { headers: { "x-api-key": key.key } });
      expect(viaNext.status).toBe(answer.status);
      expect(Object.keys(JSON.parse(answer.body))).toEqual(Object.keys(await viaNext.json()));
    },
  );

  it(
    inProcessStores
      ? "answers a cached signed key and a cached key's ES256 JWT synchronously too"
      : "answers a cached signed key and a cached key's ES256 JWT (a promise: the Redis rate limit is a round trip)",
    async () => {
      const cached: [Record<string, string>, string][] = [
        [{ "x-api-key": signed.key }, signed.id],
        [{ authorization: `Bearer ${jwt}` }, jwtKeyId],
      ];
      for (const [headers, keyId] of cached) {
        const out = whoami.core(input(headers));
        expect(out instanceof Promise).toBe(!inProcessStores);
        const answer = await out;
        expect(answer.status).toBe(200);
        expect(JSON.parse(answer.body)).toMatchObject({ keyId });
      }
    },
  );

  it("answers the failures it can decide at once synchronously too (no look-up needed)", () => {
    const cases: Record<string, string>[] = [{}, { "x-api-key": "ak_live_typo" }];
    for (const headers of cases) {
      const out = whoami.core(input(headers));
      expect(out).not.toBeInstanceOf(Promise);
      expect((out as Awaited<typeof out>).status).toBe(401);
    }
  });

  it("still waits for what must be waited for: an unknown key goes to the database", async () => {
    const unknown = `${key.key.slice(0, -8)}AAAAAAAA`;
    const out = whoami.core(input({ "x-api-key": unknown }));
    expect((await out).status).toBe(401);
  });

  it("verify waits for a body still arriving, then decides the same way", async () => {
    const out = verify.core({
      ...input({ "content-type": "application/json" }, "/api/v1/verify"),
      method: "POST",
      text: async () => JSON.stringify({ key: key.key }),
    });
    expect(out).toBeInstanceOf(Promise);
    expect(JSON.parse((await out).body)).toMatchObject({ valid: true, keyId: key.id });
  });

  it(
    inProcessStores
      ? "verify answers a cached key synchronously when its body was read before (the fast path)"
      : "verify answers a cached key from a body read before (a promise: Redis is a round trip)",
    async () => {
      const post = (body: string, contentType = "application/json") =>
        verify.core({
          ...input({ "content-type": contentType }, "/api/v1/verify"),
          method: "POST",
          text: () => body,
        });
      const out = post(JSON.stringify({ key: key.key }));
      expect(out instanceof Promise).toBe(!inProcessStores);
      expect(JSON.parse((await out).body)).toMatchObject({ valid: true, keyId: key.id });
      // A missing scope is decided before any rate limit: at once, Redis or not.
      const refused = post(JSON.stringify({ key: key.key, scopes: ["nothing:granted"] }));
      expect(refused).not.toBeInstanceOf(Promise);
      expect(JSON.parse((refused as Awaited<typeof refused>).body)).toMatchObject({
        valid: false,
        code: "INSUFFICIENT_SCOPE",
      });
      // Bad input is refused at once as well (runCore turns the throw into the envelope).
      expect(() => post("{not json")).toThrow(expect.objectContaining({ code: "INVALID_JSON" }));
      expect(() => post("key=x", "text/plain")).toThrow(
        expect.objectContaining({ code: "UNSUPPORTED_MEDIA_TYPE" }),
      );
    },
  );
});
