import { getEnv } from "@/lib/env";

/**
 * The one logger. JSON lines on stdout/stderr. Anything shaped like a credential is masked before
 * it is written, as a last line of defence: callers must still never pass keys or tokens in.
 */
const CREDENTIAL_PATTERNS: RegExp[] = [
  /\bak_(?:live|test)_[0-9A-Za-z]{4,}/g,
  /\bakv1_(?:live|test)_[0-9A-Za-z.]+/g,
  /\brt_[0-9A-Za-z_-]{16,}/g,
  /\baksec_[0-9A-Za-z]+/g,
  /\beyJ[0-9A-Za-z_-]*\.[0-9A-Za-z_-]*\.?[0-9A-Za-z_-]*/g,
  /(bearer\s+)[^\s"']+/gi,
];

export function redact(text: string): string {
  let out = text;
  for (const pattern of CREDENTIAL_PATTERNS) {
    out = out.replace(pattern, (_match, bearer?: string) =>
      typeof bearer === "string" && /^bearer/i.test(bearer) ? `${bearer}[redacted]` : "[redacted]",
    );
  }
  return out;
}

type Level = "debug" | "info" | "warn" | "error";
const ORDER: Record<Level | "silent", number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

function write(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  if (ORDER[level] < ORDER[getEnv().logLevel]) return;
  const line = redact(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }));
  if (level === "error" || level === "warn") process.stderr.write(`${line}\n`);
  else process.stdout.write(`${line}\n`);
}

export const log = {
  debug: (message: string, fields?: Record<string, unknown>) => write("debug", message, fields),
  info: (message: string, fields?: Record<string, unknown>) => write("info", message, fields),
  warn: (message: string, fields?: Record<string, unknown>) => write("warn", message, fields),
  error: (message: string, fields?: Record<string, unknown>) => write("error", message, fields),
};

/**
 * drizzle's query errors put the statement's parameters in `message` (a secret's hash, a refresh
 * token's hash…), so for those only the driver's error underneath is described.
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof Error && "params" in error && "query" in error) {
    const cause = describeError(error.cause);
    return { errorName: error.name, query: String(error.query), cause };
  }
  if (error instanceof Error) {
    const code = "code" in error && typeof error.code === "string" ? { errorCode: error.code } : {};
    return { errorName: error.name, errorMessage: error.message, ...code, stack: error.stack };
  }
  return { errorMessage: String(error) };
}
