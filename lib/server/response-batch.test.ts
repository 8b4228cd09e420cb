import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { type AddressInfo, connect } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { jsonOutput } from "@/lib/errors/envelope";
import { createResponseBatch } from "./response-batch";

let server: Server | undefined;

afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A real server whose handler answers through one batch, recording when it decided and wrote. */
async function startServer(events: string[]): Promise<number> {
  const { send } = createResponseBatch({ "x-base": "1" });
  server = createServer((req, res) => {
    const n = req.url!.slice(1);
    events.push(`decided ${n}`);
    res.on("finish", () => events.push(`written ${n}`));
    send(req, res, jsonOutput({ n }, 200, { "x-own": n }));
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server!.address() as AddressInfo).port;
}

/** Sends `paths` pipelined on one connection, in one write, and reads until `answers` came back. */
function pipelined(port: number, paths: string[], answers: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let text = "";
    socket.on("data", (chunk) => {
      text += chunk.toString("latin1");
      if ((text.match(/HTTP\/1\.1 /g) ?? []).length === answers) {
        socket.end();
        resolve(text);
      }
    });
    socket.on("error", reject);
    socket.on("close", () => resolve(text));
    socket.write(paths.map((p) => `GET ${p} HTTP/1.1\r\nHost: x\r\n\r\n`).join(""));
  });
}

describe("the fast path's response batch", () => {
  it("writes after the turn that decided, each answer in order, with the base headers under its own", async () => {
    const events: string[] = [];
    const port = await startServer(events);
    const text = await pipelined(port, ["/1", "/2", "/3"], 3);
    const bodies = [...text.matchAll(/\{"n":"(\d)"\}/g)].map((m) => m[1]);
    expect(bodies).toEqual(["1", "2", "3"]);
    expect(text.match(/x-base: 1/g)).toHaveLength(3);
    expect(text).toContain("x-own: 2");
    expect(text).toContain("content-length: 9");
    // Node parses pipelined requests in one go: all three are decided before the first is written.
    expect(events.indexOf("written 1")).toBeGreaterThan(events.indexOf("decided 3"));
  });

  it("skips an answer whose connection is gone, and still writes the rest of the turn", async () => {
    const { send } = createResponseBatch({});
    const written: string[] = [];
    server = createServer((req, res) => {
      if (req.url === "/gone") res.destroy();
      res.on("finish", () => written.push(req.url!));
      send(req, res, jsonOutput({ ok: true }));
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const port = (server!.address() as AddressInfo).port;
    const gone = pipelined(port, ["/gone"], 1).catch(() => "");
    const text = await pipelined(port, ["/kept"], 1);
    expect(text).toContain('{"ok":true}');
    expect(await gone).toBe("");
    expect(written).toEqual(["/kept"]);
  });

  it("an answer that cannot be written closes its own connection only", async () => {
    const { send } = createResponseBatch({});
    server = createServer((req, res) => {
      // A header value Node refuses makes writeHead throw.
      const headers: Record<string, string> = req.url === "/bad" ? { "x-bad": "a\nb" } : {};
      send(req, res, jsonOutput({ ok: true }, 200, headers));
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const port = (server!.address() as AddressInfo).port;
    const [bad, good] = await Promise.all([pipelined(port, ["/bad"], 1), pipelined(port, ["/good"], 1)]);
    expect(bad).toBe("");
    expect(good).toContain('{"ok":true}');
  });

  it("what `prepare` decides joins the same flush: one immediate, not a second turn", async () => {
    const events: string[] = [];
    const held: { req: IncomingMessage; res: ServerResponse }[] = [];
    const { send, schedule } = createResponseBatch({}, () => {
      events.push("prepare");
      for (const { req, res } of held.splice(0)) send(req, res, jsonOutput({ late: req.url }));
    });
    server = createServer((req, res) => {
      res.on("finish", () => events.push(`written ${req.url}`));
      if (req.url === "/held") {
        held.push({ req, res });
        schedule();
      } else send(req, res, jsonOutput({ now: req.url }));
    });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const port = (server!.address() as AddressInfo).port;
    const realSetImmediate = globalThis.setImmediate;
    let immediates = 0;
    globalThis.setImmediate = ((...args: Parameters<typeof setImmediate>) => {
      immediates++;
      return realSetImmediate(...args);
    }) as typeof setImmediate;
    try {
      const text = await pipelined(port, ["/held", "/now"], 2);
      expect(text).toContain('{"late":"/held"}');
      expect(text).toContain('{"now":"/now"}');
    } finally {
      globalThis.setImmediate = realSetImmediate;
    }
    expect(events.slice(0, 3)).toEqual(["prepare", "written /held", "written /now"]);
    expect(immediates).toBe(1);
  });
});
