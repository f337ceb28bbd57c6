// npm run bench: synthetic feeds on loopback hosts, then cold, warm, changed, changed (CI) and
// offline builds of the planet (and of osmosfeed with --peer), each in its own measured child
// process. Every build but the cold ones runs --repeat times from the same starting state, and
// the report gives the run of median wall time with the range.
import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseBenchOptions, USAGE } from "./bench-options.ts";
import { startFeedHosts } from "./feed-server.ts";
import { type BenchReport, checkTargets, computeRatios, formatReport } from "./format-report.ts";
import { changeFeeds, generateFeeds } from "./generate-feeds.ts";
import { repeatBuild } from "./repeat-build.ts";
import { type PeerRun, runPeerBuild, writePeerConfig } from "./run-peer.ts";
import { CI_CHANGED, type PlanetRun, runPlanetBuild, writePlanetConfig } from "./run-planet.ts";
import { runStageCosts } from "./run-stage-costs.ts";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const options = parseBenchOptions(process.argv.slice(2));
if (options === "help") {
  console.log(USAGE);
  process.exit(0);
}
const progress = (line: string): void => {
  if (!options.json) console.error(line);
};

const machine = { node: process.versions.node, cpus: cpus().length, loadAverage: loadavg() };
const work = await mkdtemp(join(tmpdir(), "planet-bench-"));
// Inside the project (.cache/ is git-ignored) so that Astro's prerender bundle, written
// under the build's cwd, resolves the project's node_modules: see bench/run-planet.ts.
await mkdir(join(ROOT, ".cache"), { recursive: true });
const planetWork = await mkdtemp(join(ROOT, ".cache", "bench-planet-"));
const hosts = await startFeedHosts(options.hosts, options.latencyMs);
try {
  // Whole seconds: the same instant goes to every build as PLANET_NOW.
  const now = new Date(Math.floor(Date.now() / 1000) * 1000);
  const feedSet = { ...options, dir: join(work, "feeds"), origins: hosts.origins, now };
  const { feeds, files } = await generateFeeds(feedSet);
  for (const [path, served] of files) hosts.files.set(path, served);
  progress(`generated ${feeds.length} feeds in ${work}; hosts ${hosts.origins.length}`);

  const configPath = await writePlanetConfig(planetWork, feeds, options);
  const planetBuild = (label: string, offline = false): Promise<PlanetRun> => {
    progress(`planet: ${label} build…`);
    return runPlanetBuild(label, { work: planetWork, configPath, now, offline, hosts }).then(
      (run) => {
        progress(JSON.stringify({ ...run.figures, measure: run.measure, traffic: run.traffic }));
        return run;
      },
    );
  };
  const peerWork = join(work, "osmosfeed");
  const peerBuild = (label: string): Promise<PeerRun> => {
    progress(`osmosfeed: ${label} build…`);
    return runPeerBuild(label, { work: peerWork, hosts });
  };
  if (options.peer) {
    await mkdir(peerWork, { recursive: true });
    await writePeerConfig(peerWork, feeds);
  }

  const { repeat } = options;
  const planet = [await planetBuild("cold")];
  progress("stage costs, one feed at a time…");
  const stageCosts = await runStageCosts(work, feeds, hosts.files, join(planetWork, "cache"));
  // A warm build changes nothing but when each feed last answered: each starts where the last did.
  planet.push(await repeatBuild(repeat, () => planetBuild("warm")));
  const peer = options.peer
    ? [await peerBuild("cold"), await repeatBuild(repeat, () => peerBuild("warm"))]
    : null;
  // Each changed build starts from the cache and site as they are before the change (the CI
  // build from the cache alone), osmosfeed's from its public/ (cache.json and its page).
  const cacheDir = join(planetWork, "cache");
  const distDir = join(planetWork, "dist");
  const peerPublic = join(peerWork, "public");
  const beforeChange = (dir: string) => `${dir}-before-change`;
  const keepAside = (dir: string) => cp(dir, beforeChange(dir), { recursive: true });
  // The copy is written out before the build starts: its ~150 MB waiting to be written would
  // hold up the build's own writes and fsyncs.
  const putBack = async (dir: string) => {
    await rm(dir, { recursive: true, force: true });
    await cp(beforeChange(dir), dir, { recursive: true });
    await writeOut();
  };
  await keepAside(cacheDir);
  await keepAside(distDir);
  if (peer) await keepAside(peerPublic);
  const changedFeeds = await changeFeeds(feedSet, feeds, hosts.files, options.changeEvery);
  const reset = async () => {
    await putBack(cacheDir);
    await putBack(distDir);
  };
  planet.push(await repeatBuild(repeat, () => planetBuild("changed"), reset));
  // osmosfeed keeps nothing between runs but its cache.json, which it reads back: this run,
  // the first after the change with its cache from its previous run, is its steady state, and
  // what it would cost in CI too.
  if (peer)
    peer.push(
      await repeatBuild(
        repeat,
        () => peerBuild("changed"),
        () => putBack(peerPublic),
      ),
    );
  // CI (the GitHub Pages workflow): the same change met by a build that starts without dist/
  // but with the cache directory restored as the previous run saved it.
  const resetForCi = async () => {
    await putBack(cacheDir);
    await rm(distDir, { recursive: true, force: true });
  };
  planet.push(await repeatBuild(repeat, () => planetBuild(CI_CHANGED), resetForCi));
  // Offline: the hosts are gone. The planet fetches nothing; osmosfeed finds every host
  // refusing connections and falls back to its cache, its nearest equivalent.
  await hosts.close();
  planet.push(await repeatBuild(repeat, () => planetBuild("offline", true)));
  if (peer) peer.push(await repeatBuild(repeat, () => peerBuild("offline")));

  const report: BenchReport = {
    options,
    machine,
    changedFeeds,
    stageCosts,
    planet,
    peer,
    ratios: computeRatios(planet, peer),
    targets: checkTargets(planet, peer),
  };
  console.log(options.json ? JSON.stringify(report, null, 2) : formatReport(report));
} finally {
  await hosts.close();
  if (options.keep) progress(`kept ${work} and ${planetWork}`);
  else {
    await rm(work, { recursive: true, force: true });
    await rm(planetWork, { recursive: true, force: true });
  }
}

/** Has the kernel write out what is waiting to be written (`sync`); a no-op where it cannot. */
function writeOut(): Promise<void> {
  return new Promise((resolve) => execFile("sync", () => resolve()));
}
