import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRemoteTenant, type RemoteTenant } from "./client";
import { type RunningServer, startServer } from "./harness";

// Issue 10: the fast path takes a POST body that arrived whole with its headers from the request's
// buffer at the end of the turn, and streams one still on its way. Whichever way the bytes come,
// every request is answered, each with its own key, in order.

let server: RunningServer;
let tenant: RemoteTenant;
let keys: { id: string; key: string }[];

beforeAll(async () => {
  server = await startServer();
  tenant = await createRemoteTenant(server.url);
  keys = [];
  for (let i = 0; i < 3; i++) keys.push(await tenant.createKey({ name: `bodies ${i}` }));
});

afterAll(async () => {
  await server?.stop();
});

type Answer = { status: number; body: Record<string, unknown> };

/**
 * Writes `parts` on one socket (a number waits that many ms first) and reads until the server
 * closes it; the last request says `Connection: close`. Returns each answer in order.
 */
function exchange(parts: (string | number)[]): Promise<Answer[]> {
  return new Promise((resolve, reject) => {
    const socket = connect(server.port, "127.0.0.1");
    const chunks: Buffer[] = [];
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("error", reject);
    socket.setTimeout(10_000, () => reject(new Error("no answer within 10 s")));
    socket.on("end", () => resolve(parseAnswers(Buffer.concat(chunks).toString("utf8"))));
    socket.on("connect", async () => {
      for (const part of parts) {
        if (typeof part === "number") await new Promise((r) => setTimeout(r, part));
        else socket.write(part);
      }
    });
  });
}

function parseAnswers(raw: string): Answer[] {
  const answers: Answer[] = [];
  let rest = raw;
  while (rest.length > 0) {
    const headEnd = rest.indexOf("\r\n\r\n");
    if (headEnd === -1) throw new Error(`an incomplete answer: ${rest.slice(0, 200)}`);
    const head = rest.slice(0, headEnd);
    const length = Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1]);
    const body = rest.slice(headEnd + 4, headEnd + 4 + length);
    answers.push({ status: Number(head.split(" ")[1]), body: JSON.parse(body) });
    rest = rest.slice(headEnd + 4 + length);
  }
  return answers;
}

function verifyRequest(key: string, options: { close?: boolean; chunked?: boolean } = {}) {
  const body = JSON.stringify({ key, scopes: [] });
  const framing = options.chunked
    ? "Transfer-Encoding: chunked\r\n"
    : `Content-Length: ${Buffer.byteLength(body)}\r\n`;
  const head =
    "POST /api/v1/verify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
    framing +
    (options.close ? "Connection: close\r\n" : "") +
    "\r\n";
  const payload = options.chunked ? `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n` : body;
  return { head, body: payload };
}

function expectValid(answer: Answer | undefined, keyId: string) {
  expect(answer?.status).toBe(200);
  expect(answer?.body).toMatchObject({ valid: true, keyId, tenantId: tenant.tenantId });
}

describe("POST /api/v1/verify bodies, however they arrive", () => {
  it("headers and body in one write", async () => {
    const { head, body } = verifyRequest(keys[0]!.key, { close: true });
    const [answer] = await exchange([head + body]);
    expectValid(answer, keys[0]!.id);
  });

  it("the body a while after its headers, and split in the middle of the JSON", async () => {
    const { head, body } = verifyRequest(keys[1]!.key, { close: true });
    const half = Math.floor(body.length / 2);
    const answers = await exchange([head, 150, body.slice(0, half), 150, body.slice(half)]);
    expect(answers).toHaveLength(1);
    expectValid(answers[0], keys[1]!.id);
  });

  it("a chunked body, whole, and one whose last chunk comes later", async () => {
    const whole = verifyRequest(keys[0]!.key, { close: true, chunked: true });
    expectValid((await exchange([whole.head + whole.body]))[0], keys[0]!.id);
    const late = verifyRequest(keys[2]!.key, { close: true, chunked: true });
    const cut = late.body.indexOf("0\r\n\r\n");
    const answers = await exchange([late.head + late.body.slice(0, cut), 150, late.body.slice(cut)]);
    expectValid(answers[0], keys[2]!.id);
  });

  it("three requests pipelined in one write, each answered with its own key, in order", async () => {
    const requests = keys.map((k, i) => verifyRequest(k.key, { close: i === keys.length - 1 }));
    const answers = await exchange([requests.map((r) => r.head + r.body).join("")]);
    expect(answers).toHaveLength(3);
    for (const [i, k] of keys.entries()) expectValid(answers[i], k.id);
  });

  it("malformed JSON that arrived whole is still a 400 INVALID_JSON; an empty body names no key", async () => {
    const bad = '{"key": ';
    const head = (length: number) =>
      "POST /api/v1/verify HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
      `Content-Length: ${length}\r\n`;
    const answers = await exchange([`${head(bad.length)}\r\n${bad}`, `${head(0)}Connection: close\r\n\r\n`]);
    expect(answers.map((a) => a.status)).toEqual([400, 200]);
    expect(answers[0]?.body).toMatchObject({ error: { code: "INVALID_JSON" } });
    expect(answers[1]?.body).toMatchObject({ valid: false, code: "MISSING_CREDENTIALS" });
  });
});
