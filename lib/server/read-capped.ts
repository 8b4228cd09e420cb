import type { IncomingMessage } from "node:http";

export type CappedRead = { ok: true; body: Buffer } | { ok: false };

/**
 * Reads a request body from the socket up to `maxBytes`. Past the cap it stops listening and
 * pauses the stream at once (`{ok: false}`), so the bytes still arriving are never held: the caller
 * answers 413 and closes the connection.
 */
export function readCapped(req: IncomingMessage, maxBytes: number): Promise<CappedRead> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const cleanup = () => {
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        cleanup();
        req.pause();
        chunks.length = 0;
        resolve({ ok: false });
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      cleanup();
      resolve({ ok: true, body: Buffer.concat(chunks, size) });
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
  });
}

/** True when the request carries a body at all (a length above 0, or chunked). */
export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers["content-length"];
  if (length !== undefined) return length !== "0";
  return req.headers["transfer-encoding"] !== undefined;
}

/** How long, and how many bytes, the rest of a refused body is read and dropped before hanging up. */
const LINGER_MS = 5_000;
const LINGER_BYTES = 16 * 1024 * 1024;

/**
 * After answering a request whose body was not read to its end (413): the rest is read and dropped,
 * for a few seconds at most, before the connection is cut. Closing at once would reset the
 * connection while the client is still sending, and a client busy writing then never reads the 413
 * (curl reports a broken pipe instead). Nothing is kept, so memory stays flat.
 */
export function discardRest(req: IncomingMessage): void {
  if (req.complete) return;
  let dropped = 0;
  const hangUp = () => {
    clearTimeout(timer);
    if (!req.complete) req.socket.destroy();
  };
  const timer = setTimeout(hangUp, LINGER_MS);
  timer.unref();
  req.on("data", (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > LINGER_BYTES) hangUp();
  });
  req.once("end", () => clearTimeout(timer));
  req.resume();
}
