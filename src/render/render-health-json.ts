import type { Site } from "../model/site.ts";
import type { SiteData } from "../site/site-data.ts";

/** health.json: the state of every feed and event source after this build. */
export function renderHealthJson(site: Site, health: SiteData["health"]): string {
  return `${JSON.stringify({ generated: site.now.toISOString(), ...health }, null, 2)}\n`;
}
