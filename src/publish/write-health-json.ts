import { join } from "node:path";
import { renderHealthJson } from "../render/render-health-json.ts";
import type { SiteData } from "../site/site-data.ts";
import { writeFileAtomic } from "../store/atomic-write.ts";

/** Writes health.json alone into the site in `dir`: all a build that changed nothing else writes. */
export async function writeHealthJson(
  dir: string,
  generated: Date,
  health: SiteData["health"],
): Promise<void> {
  await writeFileAtomic(join(dir, "health.json"), renderHealthJson(generated, health));
}
