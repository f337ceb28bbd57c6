import type { SiteData } from "../site/site-data.ts";

/** health.json: the state of every feed and event source after this build. */
export function renderHealthJson(generated: Date, health: SiteData["health"]): string {
  return `${JSON.stringify({ generated: generated.toISOString(), ...health }, null, 2)}\n`;
}
