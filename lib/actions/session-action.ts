import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { currentContext, currentEnrolmentContext } from "@/lib/auth/session";
import type { TenantContext } from "@/lib/dal/context";
import { AppError } from "@/lib/errors/app-error";
import { describeZodError, fieldErrorsFromDetails } from "@/lib/errors/field-errors";
import { describeError, log } from "@/lib/log";
import { type ActionFailure, type ActionResult, actionFailure } from "./action-result";

/**
 * The one way to write a server action: session → role → zod input → function → ActionResult.
 * Every export of a "use server" file can be called by anyone with a browser, whatever the page
 * showed them, so the session and the role are checked here, inside the action, on every call.
 */

export type SessionContext = TenantContext & { email?: string };
/** Who is calling: the browser session in production; tests pass a member of their choosing. */
export type SessionSource = () => Promise<SessionContext | null>;
/** "write" refuses viewers before the input is even parsed; the DAL checks again. */
export type Access = "read" | "write";

type Spec<S extends z.ZodType> = { access: Access; input: S };
type Run<S extends z.ZodType, R> = (input: z.output<S>, ctx: SessionContext) => Promise<R>;
type RunWithId<S extends z.ZodType, R> = (id: string, input: z.output<S>, ctx: SessionContext) => Promise<R>;

const SIGNED_OUT = "Your session has ended. Log in again.";
const VIEWER = "Viewers have read-only access.";
const INTERNAL = "Something went wrong on our side; nothing was changed. Try again.";

/**
 * AppErrors meant for users (4xx, and "busy, try again" 503s) become failures; anything else is
 * logged and answered generically, so internals never reach the browser.
 */
export function toFailure(error: unknown, action: string): ActionFailure {
  unstable_rethrow(error); // redirect() and notFound() are control flow, not failures
  if (error instanceof AppError && (error.status < 500 || error.code === "SERVICE_UNAVAILABLE")) {
    return actionFailure(error.code, error.message, fieldErrorsFromDetails(error.details));
  }
  log.error("unhandled error in server action", { action, ...describeError(error) });
  return actionFailure("INTERNAL_ERROR", INTERNAL);
}

async function validated<S extends z.ZodType, R>(
  schema: S,
  raw: unknown,
  run: (input: z.output<S>) => Promise<R>,
): Promise<ActionResult<R>> {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    const { message, fieldErrors } = describeZodError(parsed.error);
    return actionFailure("VALIDATION_ERROR", message, fieldErrors);
  }
  return { ok: true, data: await run(parsed.data) };
}

async function execute<S extends z.ZodType, R>(
  source: SessionSource,
  spec: Spec<S>,
  name: string,
  raw: unknown,
  run: (input: z.output<S>, ctx: SessionContext) => Promise<R>,
): Promise<ActionResult<R>> {
  try {
    const ctx = await source();
    if (!ctx) return actionFailure("UNAUTHORIZED", SIGNED_OUT);
    if (spec.access === "write" && ctx.role === "viewer") return actionFailure("FORBIDDEN", VIEWER);
    return await validated(spec.input, raw, (input) => run(input, ctx));
  } catch (error) {
    return toFailure(error, name);
  }
}

/** For the few actions anyone may call (sign-up): input and result handling only, no session. */
export function publicAction<S extends z.ZodType, R>(
  spec: { input: S },
  run: (input: z.output<S>) => Promise<R>,
) {
  return async (input: z.input<S>): Promise<ActionResult<R>> => {
    try {
      return await validated(spec.input, input, run);
    } catch (error) {
      return toFailure(error, run.name || "action");
    }
  };
}

/** Ids come from the page, not from a form: a malformed one is answered like an unknown one. */
function checkId(id: unknown): string | null {
  return typeof id === "string" && id.length > 0 && id.length <= 64 ? id : null;
}

export function createActionClient(source: SessionSource) {
  return {
    action<S extends z.ZodType, R>(spec: Spec<S>, run: Run<S, R>) {
      return (input: z.input<S>): Promise<ActionResult<R>> =>
        execute(source, spec, run.name || "action", input, run);
    },
    /** For actions on one record: `(id, input)`, as next-safe-action's bound arguments. */
    actionWithId<S extends z.ZodType, R>(spec: Spec<S> & { notFound: string }, run: RunWithId<S, R>) {
      return async (id: string, input: z.input<S>): Promise<ActionResult<R>> => {
        const checked = checkId(id);
        if (checked === null) return actionFailure("NOT_FOUND", spec.notFound);
        return execute(source, spec, run.name || "action", input, (parsed, ctx) => run(checked, parsed, ctx));
      };
    },
  };
}

/** Bound to the browser session (next-auth cookie, membership re-read on every call). */
export const { action, actionWithId } = createActionClient(currentContext);

/**
 * For the 2FA set-up page only: also admits a session the workspace's 2FA policy holds back, which
 * `action` counts as signed out until it has enrolled.
 */
export const { action: enrolmentAction } = createActionClient(currentEnrolmentContext);
