import { beforeAll, expect, it } from "vitest";
import { POST as rotateKey } from "@/app/api/tenants/me/api-keys/[id]/rotate/route";
import { POST as createKey } from "@/app/api/tenants/me/api-keys/route";
import { GET as usage } from "@/app/api/tenants/me/usage/route";
import { createAccount, type TestAccount } from "../accounts";
import { makeOpensslKeys, type OpensslKeys } from "../es256";
import { call } from "../http";

// The dashboard puts an error under the field it concerns by reading details.fields, never the
// message text; so every DAL error about one field must name it there.

let owner: TestAccount;
let pems: OpensslKeys;

beforeAll(async () => {
  owner = await createAccount("fields");
  pems = makeOpensslKeys();
});

const fieldsOf = async (res: { json: () => Promise<{ error: { details?: { fields?: unknown } } }> }) =>
  (await res.json()).error.details?.fields;

it("INVALID_KEY_FORMAT names publicKey", async () => {
  const res = await call(createKey, {
    token: owner.accessToken,
    body: { name: "rsa", type: "public_key", publicKey: pems.rsaPublic },
  });
  expect(res.status).toBe(400);
  expect(await fieldsOf(res)).toEqual([{ path: "publicKey", message: expect.stringMatching(/RSA/) }]);
});

it("rotating a public key to the same PEM, or a secret key with a PEM, names publicKey", async () => {
  const created = await call(createKey, {
    token: owner.accessToken,
    body: { name: "signer", type: "public_key", publicKey: pems.p256Public },
  });
  const { id } = await created.json();
  const same = await call(rotateKey, {
    token: owner.accessToken,
    params: { id },
    body: { publicKey: pems.p256Public },
  });
  expect(same.status).toBe(400);
  expect(await fieldsOf(same)).toEqual([
    { path: "publicKey", message: expect.stringMatching(/generate a new key pair/) },
  ]);

  const secret = await (await call(createKey, { token: owner.accessToken, body: { name: "s" } })).json();
  const withPem = await call(rotateKey, {
    token: owner.accessToken,
    params: { id: secret.id },
    body: { publicKey: pems.p256PublicOther },
  });
  expect(withPem.status).toBe(400);
  expect(await fieldsOf(withPem)).toEqual([{ path: "publicKey", message: expect.any(String) }]);
});

it("usage ranges name the parameter that is wrong", async () => {
  const inverted = await call(usage, {
    token: owner.accessToken,
    path: "/?from=2026-01-02T00:00:00Z&to=2026-01-01T00:00:00Z",
  });
  expect(inverted.status).toBe(400);
  expect(await fieldsOf(inverted)).toEqual([{ path: "from", message: expect.any(String) }]);
  const tooFine = await call(usage, {
    token: owner.accessToken,
    path: "/?from=2026-01-01T00:00:00Z&to=2026-03-01T00:00:00Z&interval=minute",
  });
  expect(tooFine.status).toBe(400);
  expect(await fieldsOf(tooFine)).toEqual([{ path: "interval", message: expect.stringMatching(/coarser/) }]);
});
