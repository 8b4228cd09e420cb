import type { IncomingMessage, ServerResponse } from "node:http";

export type CappedRead = { ok: true; body: Buffer } | { ok: false };

/**
 * Reads a request body from the socket up to `maxBytes`. Past the cap it stops listening and
 * pauses the stream at once (`{ok: false}`), so the bytes still arriving are never held: the caller
 * answers 413 and closes the connection. `done` is called once, with the result or the stream's
 * error; a callback rather than a promise, so the fast path's verify answers without one (issue 10).
 */
export function readCappedThen(
  req: IncomingMessage,
  maxBytes: number,
  done: (error: Error | null, read?: CappedRead) => void,
): void {
  // The state rides on the request and the listeners are shared: no closures per request.
  (req as ReadingRequest)[READING] = { chunks: [], size: 0, maxBytes, done };
  req.on("data", onBodyData);
  req.on("end", onBodyEnd);
  req.on("error", onBodyError);
}

const READING = Symbol("keydesk.readCapped");
type ReadState = {
  chunks: Buffer[];
  size: number;
  maxBytes: number;
  done: (error: Error | null, read?: CappedRead) => void;
};
type ReadingRequest = IncomingMessage & { [READING]?: ReadState };

/** Stops reading; the state, once taken, cannot answer twice. */
function finishReading(req: ReadingRequest): ReadState | undefined {
  const state = req[READING];
  req[READING] = undefined;
  req.off("data", onBodyData);
  req.off("end", onBodyEnd);
  req.off("error", onBodyError);
  return state;
}

function onBodyData(this: ReadingRequest, chunk: Buffer): void {
  const state = this[READING];
  if (!state) return;
  state.size += chunk.length;
  if (state.size > state.maxBytes) {
    finishReading(this);
    this.pause();
    state.chunks.length = 0;
    state.done(null, { ok: false });
    return;
  }
  state.chunks.push(chunk);
}

function onBodyEnd(this: ReadingRequest): void {
  const state = finishReading(this);
  if (!state) return;
  const { chunks, size } = state;
  state.done(null, { ok: true, body: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size) });
}

function onBodyError(this: ReadingRequest, error: Error): void {
  finishReading(this)?.done(error);
}

/** `readCappedThen` as a promise. */
export function readCapped(req: IncomingMessage, maxBytes: number): Promise<CappedRead> {
  return new Promise((resolve, reject) =>
    readCappedThen(req, maxBytes, (error, read) => (error ? reject(error) : resolve(read!))),
  );
}

/** True when the request carries a body at all (a length above 0, or chunked). */
export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers["content-length"];
  if (length !== undefined) return length !== "0";
  return req.headers["transfer-encoding"] !== undefined;
}

/**
 * How long, and how many bytes, the rest of a refused body is read and dropped before hanging up.
 * Loopback and socket buffers alone can hold ~10–20 MB that the client wrote before it could see
 * the answer; the allowance must exceed that, or the hang-up lands while they are still arriving.
 */
const LINGER_MS = 5_000;
const LINGER_BYTES = 64 * 1024 * 1024;

/**
 * After answering a request whose body was not read to its end (413), a lingering close, as
 * nginx and Apache do: once the answer is written the server half-closes (FIN: "nothing more
 * from me"), then reads and drops what still arrives — for a few seconds and bytes at most — and
 * cuts the connection only then. Closing with unread data at once makes the kernel send a reset,
 * and a client still busy writing then loses the 413 it had not read yet (curl reports a broken
 * pipe; Node a write ECONNRESET). Nothing is kept, so memory stays flat.
 */
export function discardRest(req: IncomingMessage, res: ServerResponse): void {
  // A request without a body has nothing left to drop, though answered synchronously (a cached key
  // on the fast path) it is not `complete` yet: its connection must stay open for the next request.
  if (req.complete || !hasBody(req)) return;
  const socket = req.socket;
  let dropped = 0;
  const hangUp = () => {
    clearTimeout(timer);
    if (!req.complete) socket.destroy();
  };
  const timer = setTimeout(hangUp, LINGER_MS);
  timer.unref();
  req.on("data", (chunk: Buffer) => {
    dropped += chunk.length;
    if (dropped > LINGER_BYTES) hangUp();
  });
  req.once("end", () => clearTimeout(timer));
  req.resume();
  // No further request can follow on this connection: half-close once the answer is out.
  const halfClose = () => {
    if (!socket.destroyed) socket.end();
  };
  if (res.writableFinished) halfClose();
  else res.once("finish", halfClose);
}
