import { createHash } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { readFile, rm } from "node:fs/promises";
import { join, relative, resolve, sep } from "node:path";
import * as z from "zod";
import type { PlanetConfig } from "../config/schema.ts";
import type { UpdatedSource } from "../refresh/update-sources.ts";
import { healthRows } from "../site/health-rows.ts";
import type { SiteData } from "../site/site-data.ts";
import { writeFileAtomic } from "../store/atomic-write.ts";

// A build whose sources brought nothing new is most builds. The stamp lets such a build tell,
// from the small state files alone, that the pages and feeds written last time are still the
// ones it would write, so it reads no cached post and renders nothing.

const stampSchema = z.object({
  outDir: z.string(),
  /** Digest of everything the site was made from (siteInputs). */
  inputs: z.string(),
  /** The render's "now", and the first instant at which the clock alone changes the site. */
  renderedAt: z.iso.datetime(),
  changesAt: z.iso.datetime().nullable(),
  /** Posts on the site and its size in bytes, for the build's summary line. */
  posts: z.number().int().nonnegative(),
  bytes: z.number().int().nonnegative().default(0),
  /** Posts each source's filter or the hide list took out, for health.json (by source URL). */
  filtered: z.record(z.string(), z.number().int().nonnegative()).default({}),
  /** Every file the render wrote, relative to outDir: one deleted since means "render again". */
  files: z.array(z.string()),
});

/** What the last full render wrote, and from what. */
export type SiteStamp = z.infer<typeof stampSchema>;

const stampPath = (cacheDir: string): string => join(cacheDir, "rendered.json");

/**
 * A digest of everything the site is made from but the clock: the config, each source's content
 * (by its content file's hash), title and link, what the feeds page shows of each source's
 * health, and the code and packages that render them (`code`: codeDigest's, which a build
 * starts while it fetches). Null when a source holds content that has no content file to name it
 * by (a version 1 record, or a write that failed): such a build renders.
 */
export async function siteInputs(
  config: PlanetConfig,
  updated: readonly UpdatedSource[],
  health: SiteData["health"],
  code: Promise<string>,
): Promise<string | null> {
  const sources: unknown[] = [];
  for (const { source, state, content } of updated) {
    const unnamed = content !== null && (content.posts.length > 0 || content.events.length > 0);
    if (state.contentSha256 === null && unnamed) return null;
    sources.push([source.kind, source.url, state.contentSha256, state.feedTitle, state.feedLink]);
  }
  const hash = createHash("sha256");
  hash.update(
    JSON.stringify({
      config,
      sources,
      feeds: healthRows(health.feeds),
      events: healthRows(health.events),
    }),
  );
  hash.update(await code);
  return hash.digest("hex");
}

/**
 * A digest of the code and packages that render the site: src/, public/ and the lock file (a new
 * version of a dependency, Astro say, may render differently too).
 */
export async function codeDigest(projectRoot: string): Promise<string> {
  const hash = createHash("sha256");
  const lock = await readFile(join(projectRoot, "package-lock.json")).catch(() => null);
  if (lock) hash.update(lock);
  for (const folder of ["src", "public"]) {
    const root = join(projectRoot, folder);
    for (const file of filesUnder(root).sort()) {
      hash.update(`\n${relative(projectRoot, join(root, file))}\n`);
      hash.update(await readFile(join(root, file)));
    }
  }
  return hash.digest("hex");
}

/**
 * The stamp of the site in `outDir` if it is still what a build with these inputs would write
 * at `now`; else null. A missing or unreadable stamp means "render again".
 */
export async function currentStamp(
  cacheDir: string,
  outDir: string,
  inputs: string | null,
  now: Date,
): Promise<SiteStamp | null> {
  if (inputs === null) return null;
  const text = await readFile(stampPath(cacheDir), "utf8").catch(() => null);
  if (text === null) return null;
  let stamp: SiteStamp;
  try {
    const parsed = stampSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return null;
    stamp = parsed.data;
  } catch {
    return null;
  }
  const current =
    stamp.outDir === outDir &&
    stamp.inputs === inputs &&
    // A clock set back (PLANET_NOW) may hide posts that were due at the render.
    Date.parse(stamp.renderedAt) <= now.getTime() &&
    (stamp.changesAt === null || now.getTime() < Date.parse(stamp.changesAt)) &&
    stamp.files.every((file) => existsSync(join(outDir, file)));
  return current ? stamp : null;
}

/** Forgets the stamp before a render: a render that fails half-way must not look current. */
export async function dropStamp(cacheDir: string): Promise<void> {
  await rm(stampPath(cacheDir), { force: true });
}

/** Records what the render just written into `stamp.outDir` was made from, and its files. */
export async function saveStamp(
  cacheDir: string,
  stamp: z.input<typeof stampSchema>,
): Promise<void> {
  await writeFileAtomic(stampPath(cacheDir), JSON.stringify(stampSchema.parse(stamp)));
}

/**
 * Every file of the site in `dir` (relative to it) and their bytes: what a host is asked to serve.
 * Walked synchronously: a site has thousands of files, and a trip to the thread pool for each
 * costs more than the walk itself (and waits behind the removal of the last site).
 */
export async function listSite(dir: string): Promise<{ files: string[]; bytes: number }> {
  const root = resolve(dir);
  const files = filesUnder(root);
  let bytes = 0;
  for (const file of files) bytes += statSync(`${root}${sep}${file}`).size;
  return { files, bytes };
}

/** Every file under `dir`, however deep, as a path relative to it. */
function filesUnder(dir: string): string[] {
  const root = resolve(dir);
  // Each entry's folder is the root or a path under it: cut, not worked out with relative()
  // and join(), which took a third of a site's walk.
  const under = (folder: string, name: string) =>
    folder === root ? name : `${folder.slice(root.length + 1)}${sep}${name}`;
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => under(entry.parentPath, entry.name));
}
