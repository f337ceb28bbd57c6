import { readFile } from "node:fs/promises";
import { join } from "node:path";
import * as z from "zod";
import { writeFileAtomic } from "../store/atomic-write.ts";
import { sha256Hex } from "../text/sha256.ts";
import type { HubFeed } from "./hub-feeds.ts";

// What the hub was last told, kept in the cache: a feed whose bytes hash the same as then has
// nothing new for subscribers, and telling the hub anyway would make it fetch for nothing.

const recordSchema = z.object({
  /** The hub these digests were announced to: another hub has been told nothing yet. */
  hub: z.string(),
  /** sha256 of each feed's bytes when the hub was last told of it, by feed URL. */
  feeds: z.record(z.string(), z.string()),
});

/** The digests of what the hub was last told, by feed URL. */
export type AnnouncedDigests = z.infer<typeof recordSchema>["feeds"];

const recordPath = (cacheDir: string): string => join(cacheDir, "websub.json");

/** What `hub` was last told of each feed; empty when nothing (or another hub) was told. */
export async function readAnnounced(cacheDir: string, hub: string): Promise<AnnouncedDigests> {
  const text = await readFile(recordPath(cacheDir), "utf8").catch(() => null);
  if (text === null) return {};
  try {
    const parsed = recordSchema.safeParse(JSON.parse(text));
    return parsed.success && parsed.data.hub === hub ? parsed.data.feeds : {};
  } catch {
    return {};
  }
}

/** Records what `hub` now knows of each feed. */
export async function saveAnnounced(
  cacheDir: string,
  hub: string,
  feeds: AnnouncedDigests,
): Promise<void> {
  await writeFileAtomic(recordPath(cacheDir), JSON.stringify({ hub, feeds }));
}

/** The sha256 of each feed file in `outDir` as the build wrote it, by URL (missing files left out). */
export async function digestFeeds(
  outDir: string,
  feeds: readonly HubFeed[],
): Promise<AnnouncedDigests> {
  const digests: AnnouncedDigests = {};
  for (const feed of feeds) {
    const bytes = await readFile(join(outDir, feed.path)).catch(() => null);
    if (bytes !== null) digests[feed.url] = sha256Hex(bytes);
  }
  return digests;
}
