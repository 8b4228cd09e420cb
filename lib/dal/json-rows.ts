/**
 * Rows for `json_to_recordset`, as JSON arrays of at most `size` rows each, in their order: each
 * array is one statement parameter, built by one `JSON.stringify`. drizzle's insert builder spent
 * milliseconds of the event loop per thousand rows (one parameter per column and row, each
 * type-checked and mapped), in one piece, which every verification in flight then waited for
 * (issue 10); a burst of distinct keys made that seconds behind.
 */
export function* jsonChunks<T>(
  rows: readonly T[],
  toRow: (row: T) => object,
  size = 2000,
): Generator<string> {
  for (let i = 0; i < rows.length; i += size) yield JSON.stringify(rows.slice(i, i + size).map(toRow));
}
