/** The items of a feed kept for reading, and how many were left unread. */
export interface NewestItems<T> {
  /** The newest items, in the order the feed lists them. */
  kept: T[];
  /** How many older items were left out. */
  omitted: number;
}

/**
 * Keeps the `limit` newest items, by published (else updated) date, in document order. The cache
 * keeps no more than that per feed anyway, so a feed listing 20,000 items costs its 200 newest,
 * not 20,000 mapped and sanitized posts of which 19,800 are thrown away. Undated items count as
 * the newest, as the cache orders them (by when they were first seen), and ties keep feed order.
 */
export function keepNewestItems<T>(
  items: readonly T[],
  dateOf: (item: T) => Date | null,
  limit: number,
): NewestItems<T> {
  if (items.length <= limit) return { kept: [...items], omitted: 0 };
  const times = items.map((item) => dateOf(item)?.getTime() ?? Number.POSITIVE_INFINITY);
  const newestFirst = times
    .map((_, index) => index)
    .sort((a, b) => (times[b] ?? 0) - (times[a] ?? 0) || a - b);
  const keptIndices = newestFirst.slice(0, limit).sort((a, b) => a - b);
  return {
    kept: keptIndices.map((index) => items[index]).filter((item) => item !== undefined),
    omitted: items.length - limit,
  };
}
