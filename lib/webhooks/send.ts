import http from "node:http";
import https from "node:https";
import { guardedLookup, isPublicAddress, RefusedAddressError } from "./address-guard";

export type SendRequest = { url: string; headers: Record<string, string>; body: string };
export type SendResult =
  | { ok: true; status: number; durationMs: number; excerpt: string }
  | { ok: false; error: string; durationMs: number; refused?: boolean };
/** Injected into the worker, so tests can control what a delivery answers. */
export type Sender = (request: SendRequest) => Promise<SendResult>;

export const SEND_TIMEOUT_MS = 10_000;
const EXCERPT_BYTES = 1024;

/**
 * One POST, never following redirects (a 3xx is a failure like any non-2xx), abandoned after 10 s.
 * The address is checked after DNS resolution (address-guard.ts); a literal IP in the URL is never
 * looked up by Node, so it is checked here. At most 1 KiB of the answer is read and kept.
 */
export function createSender(options: { allowPrivate: boolean; timeoutMs?: number }): Sender {
  const timeoutMs = options.timeoutMs ?? SEND_TIMEOUT_MS;
  return (request) =>
    new Promise((resolve) => {
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      const url = new URL(request.url);
      const host = url.hostname.replace(/^\[|\]$/g, "");
      if (!options.allowPrivate && isLiteralIp(host) && !isPublicAddress(host)) {
        const error = new RefusedAddressError(host).message;
        return resolve({ ok: false, error, durationMs: 0, refused: true });
      }
      const client = url.protocol === "https:" ? https : http;
      const req = client.request(url, {
        method: "POST",
        headers: { ...request.headers, "content-length": Buffer.byteLength(request.body) },
        lookup: guardedLookup(options.allowPrivate),
        timeout: timeoutMs,
      });
      const deadline = setTimeout(
        () => req.destroy(new Error(`No answer within ${timeoutMs / 1000} s.`)),
        timeoutMs,
      );
      req.on("response", (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          if (size < EXCERPT_BYTES) chunks.push(chunk);
          size += chunk.length;
          if (size >= EXCERPT_BYTES) res.destroy();
        });
        const done = () => {
          clearTimeout(deadline);
          const excerpt = Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString("utf8");
          resolve({ ok: true, status: res.statusCode ?? 0, durationMs: elapsed(), excerpt });
        };
        res.on("end", done);
        res.on("close", done);
      });
      req.on("timeout", () => req.destroy(new Error(`No answer within ${timeoutMs / 1000} s.`)));
      req.on("error", (error) => {
        clearTimeout(deadline);
        const refused = error instanceof RefusedAddressError;
        resolve({ ok: false, error: error.message.slice(0, 300), durationMs: elapsed(), refused });
      });
      req.end(request.body);
    });
}

function isLiteralIp(host: string): boolean {
  return /^[\d.]+$/.test(host) || host.includes(":");
}
