// One planet build, run as a child process by bench/run.ts so its peak memory is its own.
// It runs src/pipeline/build-site.ts's buildSite with a timer on each stage; argv[2] is where the
// figures go (JSON), BENCH_OUT_DIR where the site is written. Like `npm run build`, it loads the
// pipeline from its bundle in the cache when there is one (src/cli/kept-program.ts).
import { writeFile } from "node:fs/promises";
import { importProgram } from "../src/cli/kept-program.ts";
import { readBuildEnvironment } from "../src/pipeline/build-environment.ts";
import type { StageTimer } from "../src/pipeline/stage-timer.ts";
import { PROJECT_ROOT } from "../src/project-root.ts";
import type { BuildFigures } from "./build-figures.ts";

const resultPath = process.argv[2];
const outDir = process.env.BENCH_OUT_DIR;
if (!resultPath || !outDir) throw new Error("usage: BENCH_OUT_DIR=dir build-once.ts result.json");

const env = { ...readBuildEnvironment(process.env, PROJECT_ROOT), outDir };
const PIPELINE = "src/pipeline/build-site.ts";
const { module, keep } = await importProgram(
  { root: PROJECT_ROOT, cacheDir: env.cacheDir, entries: [PIPELINE] },
  PIPELINE,
);
const { buildSite } = module as typeof import("../src/pipeline/build-site.ts");
const stages: BuildFigures["stages"] = [];
const timed: StageTimer = async (name, work) => {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const value = await work();
  const used = process.cpuUsage(cpu);
  stages.push({ name, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 });
  return value;
};

const started = performance.now();
const summary = await buildSite(
  env,
  (line, kind) => {
    if (kind === "problem") console.error(line);
  },
  timed,
);

const outcomes: Record<string, number> = {};
for (const { outcome } of summary.sources) outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
const figures: BuildFigures = {
  wallMs: performance.now() - started,
  stages,
  posts: summary.posts,
  cachedPosts: summary.sources.reduce((sum, { state }) => sum + state.summary.items, 0),
  outcomes,
  selfMaxRssBytes: process.resourceUsage().maxRSS * 1024,
};
await writeFile(resultPath, JSON.stringify(figures));
await keep();
