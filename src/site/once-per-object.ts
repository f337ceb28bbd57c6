/**
 * `compute`, worked out once per key object and remembered only as long as the key lives (a
 * WeakMap): the pages of one build ask the same questions of the same site and posts many times,
 * and a later build's objects are new keys. `memo` lets modules share one map.
 */
export function oncePerObject<K extends object, V>(
  compute: (key: K) => V,
  memo: WeakMap<K, V> = new WeakMap(),
): (key: K) => V {
  return (key) => {
    if (memo.has(key)) return memo.get(key) as V;
    const value = compute(key);
    memo.set(key, value);
    return value;
  };
}
