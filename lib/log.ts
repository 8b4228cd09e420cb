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
  // Password hashes as we store them, and anything else long and hash- or token-shaped.
  /\bscrypt\$[^\s"',]+/g,
  /\b[0-9a-f]{40,}\b/gi,
  /[A-Za-z0-9+/_-]{43,}={0,2}/g,
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
 * drizzle's query errors read "Failed query: <sql>\nparams: <values>", and the values can be a
 * password hash, a key hash or a sealed secret. Only the statement (with $n placeholders) is kept.
 */
function withoutValues(message: string): string {
  const params = message.search(/\n?params:/);
  return params === -1 ? message : message.slice(0, params);
}

/** The stack's frames only: its first line repeats the message, values and all. */
function framesOf(stack: string | undefined): string | undefined {
  return stack
    ?.split("\n")
    .filter((line) => line.trimStart().startsWith("at "))
    .join("\n");
}

/**
 * What an error may say in a log line: its name, message without query values, frames, and the
 * driver's error behind it (its SQLSTATE and message, which name constraints, not values).
 */
export function describeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { errorMessage: withoutValues(String(error)) };
  const described: Record<string, unknown> = {
    errorName: error.name,
    errorMessage: withoutValues(error.message),
    stack: framesOf(error.stack),
  };
  const cause = error.cause;
  if (cause instanceof Error) {
    const code = (cause as { code?: unknown }).code;
    described.cause = {
      name: cause.name,
      message: withoutValues(cause.message),
      ...(typeof code === "string" ? { code } : {}),
    };
  }
  return described;
}
