/**
 * Polls until `read` returns `expected` or the deadline passes, and returns the last value seen.
 * For changes SPEC §6 promises "within 1 s" on every instance (cache invalidation by NOTIFY).
 */
export async function within<T>(ms: number, read: () => Promise<T>, expected: T): Promise<T> {
  const deadline = Date.now() + ms;
  let value = await read();
  while (value !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    value = await read();
  }
  return value;
}
