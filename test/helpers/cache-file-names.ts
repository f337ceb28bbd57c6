import { readdir } from "node:fs/promises";

/**
 * The names in the cache folder `dir`, sorted, but that of the folder of post listings, which the
 * store writes beside each content file (store/post-listings.ts).
 */
export async function cacheFileNames(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name !== "listings").sort();
}
