import { readFile, writeFile } from "node:fs/promises";

/**
 * Writes a copy of a config whose feed and event URLs (and WebSub hub) are file names, pointed
 * at `serverUrl`, so the same bundled config works whatever port the loopback server got.
 */
export async function writeServedConfig(
  configPath: string,
  serverUrl: string,
  outPath: string,
): Promise<void> {
  const config: unknown = JSON.parse(await readFile(configPath, "utf8"));
  await writeFile(outPath, JSON.stringify(pointAt(config, serverUrl), null, 2));
}

function pointAt(config: unknown, serverUrl: string): unknown {
  if (typeof config !== "object" || config === null) return config;
  const copy: Record<string, unknown> = { ...config };
  if (typeof copy.hub === "string") copy.hub = new URL(copy.hub, serverUrl).href;
  for (const key of ["feeds", "events"]) {
    const sources = copy[key];
    if (!Array.isArray(sources)) continue;
    copy[key] = sources.map((source: unknown) =>
      typeof source === "object" &&
      source !== null &&
      "url" in source &&
      typeof source.url === "string"
        ? { ...source, url: new URL(source.url, serverUrl).href }
        : source,
    );
  }
  return copy;
}
