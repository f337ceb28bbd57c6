import { join } from "node:path";
import type { PlanetConfig } from "../config/schema.ts";
import { withFilteredCounts } from "../model/source-health.ts";
import type { StageTimer } from "../pipeline/stage-timer.ts";
import { PROJECT_ROOT } from "../project-root.ts";
import type { UpdatedSource } from "../refresh/update-sources.ts";
import type { AssembledSite } from "../select/assemble-site.ts";
import type { SiteData } from "../site/site-data.ts";
import { announceChangedFeeds } from "../websub/announce-feeds.ts";
import { type RenderProcess, startRenderProcess } from "./render-process.ts";
import { removeLeftoverSites } from "./site-folders.ts";
import {
  codeDigest,
  currentStamp,
  dropStamp,
  listSite,
  saveStamp,
  siteInputs,
} from "./site-stamp.ts";
import { writeHealthJson } from "./write-health-json.ts";

/** Where and how a build publishes. */
export interface PublishPlace {
  config: PlanetConfig;
  outDir: string;
  /** Where publishing keeps what lets the next build reuse this one's work. */
  cacheDir: string;
  /** No network: a WebSub hub hears of changed feeds after the next online build. */
  offline: boolean;
}

/** What the site is made from. */
export interface PublishRequest {
  sources: readonly UpdatedSource[];
  health: SiteData["health"];
  now: Date;
}

/** What the published site holds, for the build's summary. */
export interface PublishedSite {
  posts: number;
  /** The size of everything in `outDir`. */
  bytes: number;
}

/** The publish stage of one build. */
export interface Publisher {
  /**
   * Says that a source brought something new, so the site will most likely be written: the
   * render process starts now and loads the renderer while the build fetches the other sources.
   */
  prepare(): void;
  /**
   * Writes the site into `outDir` and says how many posts it shows and how large it is.
   * `selectSite` makes the site from the cache; it is called only when the site must be written:
   * when the sources, config and code are what they were at the last render into `outDir` and
   * the clock has not moved past a change, only health.json is written anew.
   */
  publish(
    request: PublishRequest,
    selectSite: () => Promise<AssembledSite>,
    log: (line: string, kind?: "problem") => void,
    time: StageTimer,
  ): Promise<PublishedSite>;
  /** Ends what `prepare` started and `publish` did not use; to be called however a build ends. */
  close(): Promise<void>;
}

/** The publish stage of a build that publishes at `place`. */
export function openPublisher(place: PublishPlace): Publisher {
  let render: RenderProcess | null = null;
  const renderProcess = (): RenderProcess => {
    render ??= startRenderProcess(join(place.cacheDir, RENDER_CACHE), place.config.link);
    return render;
  };
  // While the sources are fetched: the sites that killed builds left beside outDir, and the
  // digest of the code (its ~200 files read), which says whether the last site is still current.
  const leftoversRemoved = removeLeftoverSites(place.outDir).catch(() => undefined);
  const code = codeDigest(PROJECT_ROOT);
  code.catch(() => undefined);
  return {
    prepare: () => void renderProcess(),
    publish: (request, selectSite, log, time) =>
      publishSite(place, request, code, selectSite, renderProcess, log, time),
    close: async () => {
      await render?.stop();
      await leftoversRemoved;
    },
  };
}

/** In the cache: the renderer and the pages it rendered (render-pages.ts). */
const RENDER_CACHE = "astro";

async function publishSite(
  { config, outDir, cacheDir, offline }: PublishPlace,
  { sources, health, now }: PublishRequest,
  code: Promise<string>,
  selectSite: () => Promise<AssembledSite>,
  renderProcess: () => RenderProcess,
  log: (line: string, kind?: "problem") => void,
  time: StageTimer,
): Promise<PublishedSite> {
  const inputs = await time("fingerprint", () => siteInputs(config, sources, health, code));
  const stamp = await currentStamp(cacheDir, outDir, inputs, now);
  if (stamp !== null) {
    const counted = withFilteredCounts(health, stamp.filtered);
    await time("feeds", () => writeHealthJson(outDir, now, counted));
    log("Nothing new since the last build: wrote health.json only.");
    return { posts: stamp.posts, bytes: stamp.bytes };
  }
  const { site, changesAt, filtered } = await selectSite();
  log("Rendering…");
  // Loaded here: the renderers of pages, feeds and calendars are no cost to a build that
  // renders nothing.
  const { writeSite } = await import("./write-site.ts");
  await dropStamp(cacheDir);
  await time("write site", () =>
    writeSite(
      { site, health: withFilteredCounts(health, filtered) },
      outDir,
      cacheDir,
      renderProcess(),
      time,
    ),
  );
  if (!offline) await announceChangedFeeds(site, outDir, cacheDir, log);
  // One walk of the site: its files for the stamp, their bytes for the summary.
  const written = await listSite(outDir);
  if (inputs !== null) {
    await saveStamp(cacheDir, {
      outDir,
      inputs,
      renderedAt: now.toISOString(),
      changesAt: changesAt?.toISOString() ?? null,
      posts: site.posts.length,
      filtered,
      ...written,
    });
  }
  return { posts: site.posts.length, bytes: written.bytes };
}
