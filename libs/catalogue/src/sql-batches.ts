/** Rows per multi-row statement: large enough to amortise round trips, small enough to stream. */
export const MAX_ROWS_PER_STATEMENT = 5000;
/** Keeps a statement well under MariaDB's default max_allowed_packet (16 MiB) even for long names. */
export const MAX_TEXT_PER_STATEMENT = 4 * 1024 * 1024;

/**
 * Splits `items` into batches of at most `maxRows` items whose summed `textSize` stays within
 * `maxText` (an item larger than that still gets a batch of its own).
 */
export function sqlBatches<T>(
  items: readonly T[],
  textSize: (item: T) => number,
  maxRows = MAX_ROWS_PER_STATEMENT,
  maxText = MAX_TEXT_PER_STATEMENT,
): T[][] {
  const batches: T[][] = [];
  let batch: T[] = [];
  let size = 0;
  for (const item of items) {
    const itemSize = textSize(item);
    if (batch.length > 0 && (batch.length >= maxRows || size + itemSize > maxText)) {
      batches.push(batch);
      batch = [];
      size = 0;
    }
    batch.push(item);
    size += itemSize;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/** Upper bound of a name's size inside an SQL statement: ≤ 3 UTF-8 bytes per UTF-16 unit, escaping doubles. */
export const escapedNameSize = (name: string) => name.length * 6 + 80;
