import { AppError } from "@/lib/errors/app-error";

/**
 * scrypt at our parameters takes 32 MiB and ~50 ms of a core. Without a bound, a burst of anonymous
 * logins or sign-ups would hold 32 MiB each and queue unboundedly on libuv's four threads (which
 * file and DNS work share). At most `concurrency` derivations run at once and `queue` more wait;
 * past that the caller gets 503 with Retry-After at once, a clear answer instead of a slow pile-up.
 */
export type HashingLimits = { concurrency: number; queue: number };

const DEFAULT_LIMITS: HashingLimits = { concurrency: 2, queue: 32 };

type State = { limits: HashingLimits; active: number; waiting: (() => void)[] };
const STATE_KEY = Symbol.for("keydesk.hashingSlots");
type Holder = { [STATE_KEY]?: State };

// One per process, whichever bundle imports this module (see db/client.ts).
function state(): State {
  const holder = globalThis as Holder;
  holder[STATE_KEY] ??= { limits: { ...DEFAULT_LIMITS }, active: 0, waiting: [] };
  return holder[STATE_KEY];
}

export function busyError(): AppError {
  return new AppError(
    "SERVICE_UNAVAILABLE",
    "Too many sign-ins are being processed right now. Try again in a second.",
    { retryAfter: 1 },
    { "Retry-After": "1" },
  );
}

export async function withHashingSlot<T>(work: () => Promise<T>): Promise<T> {
  const s = state();
  if (s.active >= s.limits.concurrency) {
    if (s.waiting.length >= s.limits.queue) throw busyError();
    await new Promise<void>((resolve) => s.waiting.push(resolve));
  } else {
    s.active++;
  }
  try {
    return await work();
  } finally {
    // The slot passes straight to the next waiter, so `active` never dips while others wait.
    const next = s.waiting.shift();
    if (next) next();
    else s.active--;
  }
}

/** For tests: smaller bounds make "past the bound" reachable with a handful of requests. */
export function setHashingLimitsForTests(limits: Partial<HashingLimits> | null): void {
  const s = state();
  s.limits = limits ? { ...s.limits, ...limits } : { ...DEFAULT_LIMITS };
}
