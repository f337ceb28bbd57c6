import { parseConfig, readConfigText } from "../config/load-config.ts";
import { addFeedsToConfig, type NewFeed, type SkippedFeed } from "./add-feeds-to-config.ts";
import { writeConfigText } from "./config-file.ts";
import { ownerFetchOptions } from "./fetch-document.ts";
import { readFeedList } from "./read-feed-list.ts";
import { readImportSource } from "./read-import-source.ts";

/** What an import added and left out, or why it could not run. */
export type ImportOutcome =
  | { ok: true; format: "opml" | "venus"; added: NewFeed[]; skipped: SkippedFeed[] }
  | { ok: false; message: string };

/**
 * Adds every feed of an OPML list or Planet Venus config.ini (a file path or an http(s) URL) to
 * the config, skipping URLs it already has. Throws ConfigError when the config itself is invalid.
 */
export async function importFeeds(source: string, configPath: string): Promise<ImportOutcome> {
  const text = await readConfigText(configPath);
  const config = parseConfig(text, configPath);
  const input = await readImportSource(source, ownerFetchOptions(config));
  if (!input.ok) return input;
  const list = readFeedList(input.text);
  if (!list.ok) return { ok: false, message: `${source}: ${list.message}` };
  const edit = addFeedsToConfig(text, list.feeds, configPath);
  if (edit.added.length > 0) await writeConfigText(configPath, edit.text);
  return { ok: true, format: list.format, added: edit.added, skipped: edit.skipped };
}
