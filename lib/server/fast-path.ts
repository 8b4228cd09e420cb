import type { IncomingMessage, ServerResponse } from "node:http";
import { type CoreHandler, type HttpInput, runCore } from "@/lib/api/http-core";

export type FastRoutes = Record<string, Partial<Record<"GET" | "POST", { core: CoreHandler }>>>;

const MAX_BODY_BYTES = 64 * 1024;

function readText(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      // Past the cap the rest is dropped; the handler answers 413 for what it got.
      if (size <= MAX_BODY_BYTES + 1) chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function inputFrom(req: IncomingMessage): HttpInput {
  return {
    method: req.method ?? "GET",
    url: req.url ?? "/",
    header: (name) => {
      const value = req.headers[name];
      return value === undefined ? null : Array.isArray(value) ? value.join(", ") : value;
    },
    text: () => readText(req),
    via: "fast",
  };
}

/**
 * SPEC §7: the verification routes are served straight from the socket by the `core` of the very
 * handlers their `route.ts` files export, skipping Next's request pipeline (~30× slower than the
 * verification itself). Everything else, and other methods, go to Next.
 */
export function createFastPath(routes: FastRoutes) {
  return {
    match(req: IncomingMessage): CoreHandler | undefined {
      const url = req.url ?? "/";
      const query = url.indexOf("?");
      return routes[query === -1 ? url : url.slice(0, query)]?.[req.method as "GET" | "POST"]?.core;
    },

    async serve(core: CoreHandler, req: IncomingMessage, res: ServerResponse): Promise<void> {
      const out = await runCore(core, inputFrom(req));
      out.headers["content-length"] = String(Buffer.byteLength(out.body));
      res.writeHead(out.status, out.headers);
      res.end(out.body);
    },
  };
}
