// npm run bench: synthetic feeds on loopback hosts, then cold, warm, changed, changed (CI) and
// offline builds of the planet (and of osmosfeed with --peer), each in its own measured child
// process.
import { cp, mkdir, mkdtemp, rename, rm } from "node:fs/promises";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseBenchOptions, USAGE } from "./bench-options.ts";
import { startFeedHosts } from "./feed-server.ts";
import { type BenchReport, checkTargets, computeRatios, formatReport } from "./format-report.ts";
import { changeFeeds, generateFeeds } from "./generate-feeds.ts";
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

  const planet = [await planetBuild("cold")];
  progress("stage costs, one feed at a time…");
  const stageCosts = await runStageCosts(work, feeds, hosts.files, join(planetWork, "cache"));
  planet.push(await planetBuild("warm"));
  const peer = options.peer ? [await peerBuild("cold"), await peerBuild("warm")] : null;
  // The cache as it is before the change, for the CI build below.
  const cacheDir = join(planetWork, "cache");
  const cacheBeforeChange = join(planetWork, "cache-before-change");
  await cp(cacheDir, cacheBeforeChange, { recursive: true });
  const changedFeeds = await changeFeeds(feedSet, feeds, hosts.files, options.changeEvery);
  planet.push(await planetBuild("changed"));
  // osmosfeed keeps nothing between runs but its cache.json, which it reads back: this run,
  // the first after the change with its cache from its previous run, is its steady state, and
  // what it would cost in CI too.
  if (peer) peer.push(await peerBuild("changed"));
  // CI (the GitHub Pages workflow): the same change met by a build that starts without dist/
  // but with the cache directory restored as the previous run saved it.
  await rm(cacheDir, { recursive: true, force: true });
  await rename(cacheBeforeChange, cacheDir);
  await rm(join(planetWork, "dist"), { recursive: true, force: true });
  planet.push(await planetBuild(CI_CHANGED));
  // Offline: the hosts are gone. The planet fetches nothing; osmosfeed finds every host
  // refusing connections and falls back to its cache, its nearest equivalent.
  await hosts.close();
  planet.push(await planetBuild("offline", true));
  if (peer) peer.push(await peerBuild("offline"));

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
