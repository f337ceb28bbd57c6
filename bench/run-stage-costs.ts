import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type CostedFeed, isStageCosts, type StageCosts } from "./build-figures.ts";
import type { ServedFile } from "./feed-server.ts";
import type { SyntheticFeed } from "./generate-feeds.ts";
import { measureChild } from "./measure-child.ts";

const STAGE_COSTS = fileURLToPath(new URL("./stage-costs.ts", import.meta.url));

/** Runs bench/stage-costs.ts in a child over the served feed files and the cold build's cache. */
export async function runStageCosts(
  work: string,
  feeds: SyntheticFeed[],
  files: Map<string, ServedFile>,
  cacheDir: string,
): Promise<StageCosts | null> {
  const list: CostedFeed[] = feeds.map((feed) => {
    const served = files.get(new URL(feed.url).pathname);
    return { url: feed.url, file: served?.file ?? "", contentType: served?.contentType ?? "" };
  });
  const listPath = join(work, "cost-list.json");
  const resultPath = join(work, "stage-costs.json");
  await writeFile(listPath, JSON.stringify(list));
  const run = await measureChild([STAGE_COSTS, listPath, cacheDir, resultPath], {
    cwd: work,
    env: process.env,
  });
  if (run.exitCode !== 0) throw new Error(`stage costs failed:\n${run.stderrTail}`);
  const costs: unknown = JSON.parse(await readFile(resultPath, "utf8"));
  return isStageCosts(costs) ? costs : null;
}
