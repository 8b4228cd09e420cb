/**
 * A value now, or later. The verification hot path answers a cached key without a single promise
 * (issue 10): every `await` costs a microtask, and in a process where Next has created an
 * AsyncLocalStorage every promise also runs async_hooks' init hook. Steps that may have to wait
 * (a cache miss, Redis, the replay store) return promises; the rest of the chain only waits then.
 */
export type MaybePromise<T> = T | Promise<T>;

/** `next(value)` now when `value` is at hand, else once it resolves. Synchronous throws propagate. */
export function andThen<T, U>(value: MaybePromise<T>, next: (value: T) => MaybePromise<U>): MaybePromise<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/**
 * Runs `step`, sending what it throws or rejects with to `onError`: one handler for both, so the
 * caller cannot forget the synchronous case.
 */
export function attempt<T>(
  step: () => MaybePromise<T>,
  onError: (error: unknown) => MaybePromise<T>,
): MaybePromise<T> {
  let value: MaybePromise<T>;
  try {
    value = step();
  } catch (error) {
    return onError(error);
  }
  return value instanceof Promise ? value.catch(onError) : value;
}
