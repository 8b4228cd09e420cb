import { AppError } from "@/lib/errors/app-error";

/**
 * How many body bytes each kind of request may carry. Route handlers stop reading at their cap
 * (readBodyCapped), and server.ts enforces the same caps, while the body streams, on requests Next
 * reads itself (next-auth's form post, server actions): nothing is ever buffered past its cap.
 */
export const BODY_CAPS = {
  /** JSON APIs: login, register, verify, management. The largest legitimate body is a signed key. */
  api: 64 * 1024,
  /** GitHub secret-scanning alerts: up to 1000 tokens in one signed batch. */
  leaks: 1024 * 1024,
  /** Pages (server actions): Next's own default limit for server-action bodies. */
  page: 1024 * 1024,
} as const;

export function bodyCapFor(pathname: string): number {
  if (pathname === "/api/v1/leaks") return BODY_CAPS.leaks;
  if (pathname === "/api" || pathname.startsWith("/api/")) return BODY_CAPS.api;
  return BODY_CAPS.page;
}

/** A declared length over the cap is refused before a byte is read. */
export function declaredTooLarge(contentLength: string | null | undefined, maxBytes: number): boolean {
  if (!contentLength) return false;
  const declared = Number(contentLength);
  return !Number.isFinite(declared) || declared > maxBytes;
}

/**
 * Reads a Fetch request's body, stopping at `maxBytes`: a chunked body declares no length, so the
 * count is taken as it streams and the stream is cancelled at the cap (413), never buffered whole.
 */
export async function readBodyCapped(req: Request, maxBytes: number): Promise<Buffer> {
  if (declaredTooLarge(req.headers.get("content-length"), maxBytes)) throw new AppError("PAYLOAD_TOO_LARGE");
  if (!req.body) return Buffer.alloc(0);
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new AppError("PAYLOAD_TOO_LARGE");
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
