import type { IncomingMessage, ServerResponse } from "node:http";
import type { JsonOutput } from "@/lib/errors/envelope";
import { describeError, log } from "@/lib/log";
import { discardRest } from "./read-capped";
import { writeOutput } from "./write-output";

type Pending = { req: IncomingMessage; res: ServerResponse; out: JsonOutput };

/**
 * Writes the fast path's answers at the end of the event-loop turn that decided them, all together.
 * Each answer still has its own `writev`, but sent back to back they find the client awake: one sent
 * alone to a client idle in `epoll_wait` pays a cross-CPU wake-up in the kernel, which on a VM is
 * the larger part of the send (docs/benchmarks.md). A turn decides at most the requests libuv read
 * in it, so an answer waits microseconds, never a timer.
 *
 * `prepare` runs first in each flush: whatever it decides joins this flush, not the next one (the
 * fast path decides there the POST bodies that arrived whole in the turn: fast-path.ts).
 */
export function createResponseBatch(base: Record<string, string>, prepare?: () => void) {
  let pending: Pending[] = [];
  let scheduled = false;

  function flush(): void {
    // Still marked scheduled while preparing, so the answers it sends join this flush.
    prepare?.();
    scheduled = false;
    const batch = pending;
    pending = [];
    for (const { req, res, out } of batch) {
      if (res.destroyed) continue;
      try {
        writeOutput(res, out, base);
        // A body left unread (refused at its cap, or sent to whoami) is dropped, briefly, then cut.
        discardRest(req, res);
      } catch (error) {
        // One answer that cannot be written must not cost the rest of the batch theirs.
        log.error("answer not written", describeError(error));
        res.destroy();
      }
    }
  }

  /** Makes sure a flush follows this turn. */
  function schedule(): void {
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  }

  function send(req: IncomingMessage, res: ServerResponse, out: JsonOutput): void {
    pending.push({ req, res, out });
    schedule();
  }

  return { send, schedule };
}
