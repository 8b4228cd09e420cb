import type { ServerResponse } from "node:http";
import type { JsonOutput } from "@/lib/errors/envelope";

/** Writes a JSON answer (lib/errors/envelope.ts) to a Node response, after `base` headers it may override. */
export function writeOutput(res: ServerResponse, out: JsonOutput, base?: Record<string, string>): void {
  const headers: Record<string, string> = base ? { ...base, ...out.headers } : { ...out.headers };
  headers["content-length"] = String(Buffer.byteLength(out.body));
  res.writeHead(out.status, headers);
  res.end(out.body);
}
