import type { ServerResponse } from "node:http";
import type { JsonOutput } from "@/lib/errors/envelope";

/**
 * Writes a JSON answer (lib/errors/envelope.ts) to a Node response, after `base` headers it may
 * override. Headers go to Node as one flat [name, value, …] list: no merged object per response.
 */
export function writeOutput(res: ServerResponse, out: JsonOutput, base?: Record<string, string>): void {
  const own = out.headers;
  const raw: string[] = [];
  if (base) for (const name in base) if (own[name] === undefined) raw.push(name, base[name]!);
  for (const name in own) raw.push(name, own[name]!);
  raw.push("content-length", String(Buffer.byteLength(out.body)));
  res.writeHead(out.status, raw);
  res.end(out.body);
}
