import { readFileSync } from "node:fs";
import { connect, type Socket } from "node:net";

/**
 * Raw HTTP/1.1 over `node:net`, for what fetch cannot do: chunked bodies of any size sent at the
 * pace the server reads them, and headers trickled in slowly.
 */
export type RawResponse = {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Body bytes written before the response's status line arrived. */
  bytesSentBeforeResponse: number;
  /** The server closed the connection (FIN or reset) after answering. */
  closed: boolean;
};

function parseHead(raw: string): { status: number; headers: Record<string, string>; rest: string } | null {
  const end = raw.indexOf("\r\n\r\n");
  if (end === -1) return null;
  const [statusLine, ...lines] = raw.slice(0, end).split("\r\n");
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const colon = line.indexOf(":");
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { status: Number(statusLine?.split(" ")[1]), headers, rest: raw.slice(end + 4) };
}

function bodyOf(head: { headers: Record<string, string>; rest: string }): string | null {
  const length = head.headers["content-length"];
  if (length !== undefined) {
    return Buffer.byteLength(head.rest) >= Number(length) ? head.rest.slice(0, Number(length)) : null;
  }
  if (head.headers["transfer-encoding"] === "chunked") {
    let out = "";
    let rest = head.rest;
    for (;;) {
      const lineEnd = rest.indexOf("\r\n");
      if (lineEnd === -1) return null;
      const size = Number.parseInt(rest.slice(0, lineEnd), 16);
      if (size === 0) return out;
      if (rest.length < lineEnd + 2 + size + 2) return null;
      out += rest.slice(lineEnd + 2, lineEnd + 2 + size);
      rest = rest.slice(lineEnd + 2 + size + 2);
    }
  }
  return null;
}

type SendOptions = {
  port: number;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  /** Sent first, as the start of the body. */
  prefix?: string;
  /** Then this many bytes of filler, in 64 KiB chunks, until the server answers. */
  fillerBytes: number;
  timeoutMs?: number;
  /**
   * A slow reader: reads nothing, and keeps sending, until this many body bytes are out — as a
   * client busy uploading does before it looks at what came back.
   */
  readAfterBytes?: number;
};

/**
 * Streams a chunked body and stops writing as soon as the server answers. Writes respect
 * back-pressure, so `bytesSentBeforeResponse` is roughly what the server read before deciding.
 */
export function sendChunked(options: SendOptions): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(options.port, "127.0.0.1");
    let raw = "";
    let sent = 0;
    let sentAtResponse = -1;
    let done = false;
    const timer = setTimeout(
      () => finish(new Error(`no answer within ${options.timeoutMs ?? 60_000} ms`)),
      options.timeoutMs ?? 60_000,
    );

    function finish(error?: Error) {
      if (done) return;
      const head = parseHead(raw);
      if (!error && !head) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      if (error && !head) return reject(error);
      resolve({
        status: head!.status,
        headers: head!.headers,
        body: bodyOf(head!) ?? head!.rest,
        bytesSentBeforeResponse: sentAtResponse,
        closed: !!error || socket.readableEnded,
      });
    }

    socket.on("data", (chunk: Buffer) => {
      if (sentAtResponse === -1) sentAtResponse = sent;
      raw += chunk.toString("latin1");
      const head = parseHead(raw);
      if (head && bodyOf(head) !== null) finish();
    });
    // A reset after the answer is how a server may drop the rest of an oversized upload.
    socket.on("error", (error) => (parseHead(raw) ? finish() : finish(error)));
    socket.on("end", () => (parseHead(raw) ? finish() : finish(new Error("closed without an answer"))));

    // With a declared Content-Length nothing follows the headers: the answer must not wait for it.
    const declared = options.headers?.["content-length"] !== undefined;
    const headerLines = Object.entries({
      host: `127.0.0.1:${options.port}`,
      ...(declared ? {} : { "transfer-encoding": "chunked" }),
      ...options.headers,
    }).map(([name, value]) => `${name}: ${value}\r\n`);
    socket.write(`${options.method ?? "POST"} ${options.path} HTTP/1.1\r\n${headerLines.join("")}\r\n`);
    if (options.prefix) {
      const prefix = Buffer.from(options.prefix);
      socket.write(`${prefix.length.toString(16)}\r\n`);
      socket.write(prefix);
      socket.write("\r\n");
      sent += prefix.length;
    }
    const filler = Buffer.from(`${(64 * 1024).toString(16)}\r\n${"x".repeat(64 * 1024)}\r\n`, "latin1");
    const holding = () => options.readAfterBytes !== undefined && sent < options.readAfterBytes;
    if (holding()) socket.pause();
    // One chunk per turn of the event loop: a client that writes in a tight loop while the server
    // drains as fast never gets to read the answer, so nothing could say when it arrived.
    const pump = () => {
      if (
        !done &&
        (sentAtResponse === -1 || holding()) &&
        sent < options.prefix!.length + options.fillerBytes
      ) {
        sent += 64 * 1024;
        const more = socket.write(filler);
        if (!holding() && socket.isPaused()) socket.resume();
        return void (more ? setImmediate(pump) : socket.once("drain", pump));
      }
      if (socket.isPaused()) socket.resume();
      if (!done && sentAtResponse === -1) socket.write("0\r\n\r\n");
    };
    options.prefix ??= "";
    if (!declared) pump();
  });
}

/** Sends a request line, then one header line every `intervalMs`; resolves when the server hangs up. */
export function trickleHeaders(
  port: number,
  intervalMs: number,
  maxMs: number,
): Promise<{ afterMs: number; answer: string }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, "127.0.0.1");
    let answer = "";
    let line = 0;
    socket.write("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    const timer = setInterval(() => {
      if (Date.now() - started > maxMs) {
        clearInterval(timer);
        socket.destroy();
        reject(new Error(`the server kept a slow-header client for more than ${maxMs} ms`));
        return;
      }
      socket.write(`x-slow-${line++}: 1\r\n`);
    }, intervalMs);
    socket.on("data", (chunk: Buffer) => (answer += chunk.toString("latin1")));
    const done = () => {
      clearInterval(timer);
      resolve({ afterMs: Date.now() - started, answer });
    };
    socket.on("close", done);
    socket.on("error", () => undefined);
  });
}

/** Resident memory of a process, from /proc (Linux, where these suites run). */
export function rssBytes(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const match = /VmRSS:\s+(\d+) kB/.exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}
