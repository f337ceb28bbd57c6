import { lookup } from "node:dns/promises";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import * as z from "zod";
import type { BuildEnvironment } from "../../src/pipeline/build-environment.ts";
import { type BuildSummary, buildSite } from "../../src/pipeline/build-site.ts";
import { type Fault, type FaultHosts, startFaultHosts } from "./fault-server.ts";
import { ROOT } from "./site-build.ts";

/** A feed of a fault planet: a host serving `fault`, or a URL that fails before HTTP. */
export interface FaultFeed {
  name: string;
  /** tls: https to a plain-HTTP port; refused: a closed port; dns: a host under .invalid. */
  fault: Fault | "tls" | "refused" | "dns";
}

/** True when this machine's resolver fails a .invalid name at once (not every sandbox does). */
export async function dnsFailsFast(): Promise<boolean> {
  const started = Date.now();
  const code = await lookup("planet-test.invalid").then(
    () => "resolved",
    (error: unknown) => (error instanceof Error && "code" in error ? String(error.code) : "error"),
  );
  return code === "ENOTFOUND" && Date.now() - started < 1_000;
}

/** A planet whose every feed is its own fault host, with temp config, cache and output. */
export interface FaultPlanet {
  hosts: FaultHosts;
  work: string;
  /** Each feed's URL by name. */
  urls: Map<string, string>;
  env: BuildEnvironment;
  /** Every line the builds logged, in order. */
  log: string[];
  /** Rewrites feeds.json with these feeds (all added at start) and fetch settings. */
  writeConfig(names: string[], fetch?: object): Promise<void>;
  /** Builds in this process, each time into a new output folder (see workDir). */
  build(overrides?: Partial<BuildEnvironment>): Promise<BuiltSite>;
  close(): Promise<void>;
}

/** What one build returned, and where it wrote the site. */
export interface BuiltSite {
  summary: BuildSummary;
  outDir: string;
  /** How long it took. */
  ms: number;
}

/**
 * A fresh folder for a test planet, inside the project. Astro bundles the pages beside the
 * output folder when that is inside the working directory, else in one shared `.astro/` there:
 * concurrent builds would then overwrite each other's bundles, and a second build in the same
 * process would import the first one's (Node caches modules by path) and show its data. So
 * every build here writes to a new folder under the project.
 */
export async function makeWorkDir(): Promise<string> {
  const parent = join(ROOT, ".cache/planet-tests");
  await mkdir(parent, { recursive: true });
  return mkdtemp(join(parent, "work-"));
}

/** Starts a host per feed and writes a config naming them all. */
export async function startFaultPlanet(
  feeds: FaultFeed[],
  options: { now: string; fetch?: object },
): Promise<FaultPlanet> {
  const hosts = startFaultHosts();
  const work = await makeWorkDir();
  const urls = new Map<string, string>();
  for (const { name, fault } of feeds) {
    if (fault === "refused") urls.set(name, await hosts.refusedUrl());
    else if (fault === "dns") urls.set(name, `http://${name}.invalid/`);
    else if (fault === "tls") {
      await hosts.add(name, "feed");
      urls.set(name, hosts.tlsUrl(name));
    } else urls.set(name, await hosts.add(name, fault));
  }
  const configPath = join(work, "feeds.json");
  const env: BuildEnvironment = {
    configPath,
    cacheDir: join(work, "cache"),
    now: new Date(options.now),
    offline: false,
    outDir: join(work, "dist"),
  };
  const log: string[] = [];
  let builds = 0;
  const writeConfig = async (names: string[], fetch = options.fetch): Promise<void> => {
    const config = {
      title: "Fault Planet",
      link: "https://planet.example.org/",
      postsPerPage: 200,
      ...(fetch ? { fetch } : {}),
      feeds: names.map((name) => ({ name, url: urls.get(name) })),
    };
    await writeFile(configPath, JSON.stringify(config, null, 2));
  };
  await writeConfig(feeds.map(({ name }) => name));
  return {
    hosts,
    work,
    urls,
    env,
    log,
    writeConfig,
    async build(overrides = {}) {
      const outDir = join(work, `dist-${++builds}`);
      const started = Date.now();
      const summary = await buildSite({ ...env, outDir, ...overrides }, (line) => log.push(line));
      return { summary, outDir, ms: Date.now() - started };
    },
    close: async () => {
      await hosts.close();
      await rm(work, { recursive: true, force: true });
    },
  };
}

const healthEntry = z.object({
  name: z.string(),
  url: z.string(),
  finalUrl: z.string(),
  ok: z.boolean(),
  status: z.number().nullable(),
  error: z.object({ kind: z.string(), message: z.string() }).nullable(),
  advice: z.string().nullable(),
  lastAttempt: z.string().nullable(),
  lastSuccess: z.string().nullable(),
  consecutiveFailures: z.number(),
  items: z.number(),
  newestItem: z.string().nullable(),
  failingSince: z.string().nullable(),
  stale: z.boolean(),
});

/** One feed's entry in health.json. */
export type HealthEntry = z.infer<typeof healthEntry>;

/** health.json of a built site, by feed name. */
export async function readHealth(outDir: string): Promise<Map<string, HealthEntry>> {
  const text = await readFile(join(outDir, "health.json"), "utf8");
  const health = z.object({ feeds: z.array(healthEntry) }).parse(JSON.parse(text));
  return new Map(health.feeds.map((entry) => [entry.name, entry]));
}

/** The title of every post on the built archive pages, which hold each post once, newest first. */
export async function readPostTitles(outDir: string): Promise<string[]> {
  // Slugs are the days the pages begin: in name order, oldest first.
  const slugs = await readdir(join(outDir, "archive"), { withFileTypes: true }).catch(() => []);
  const pages = slugs
    .filter((entry) => entry.isDirectory())
    .map((entry) => `archive/${entry.name}/index.html`)
    .sort()
    .reverse();
  const titles: string[] = [];
  for (const page of pages) {
    const { document } = parseHTML(await readFile(join(outDir, page), "utf8"));
    for (const title of document.querySelectorAll(".h-entry .post-title")) {
      titles.push(title.textContent ?? "");
    }
  }
  return titles;
}
