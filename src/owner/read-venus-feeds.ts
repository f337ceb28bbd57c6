import type { NewFeed } from "./add-feeds-to-config.ts";
import { nameFromUrl } from "./name-from-url.ts";

/**
 * The feeds of a Planet Venus (or Planet 2.0) config.ini, in file order: every section named by
 * an http(s) URL is a feed, its `name` the member. Other sections ([Planet], templates) are
 * settings of the old planet and are left out.
 */
export function readVenusFeeds(text: string): NewFeed[] {
  const feeds: NewFeed[] = [];
  let current: NewFeed | null = null;
  for (const line of text.split(/\r?\n/)) {
    const section = /^\[(.+)\]\s*$/.exec(line);
    if (section) {
      const url = section[1]?.trim() ?? "";
      current = /^https?:\/\//i.test(url) ? { name: nameFromUrl(url), url } : null;
      if (current) feeds.push(current);
      continue;
    }
    // Python's ConfigParser takes `key = value` and `key: value`; indented lines continue a value.
    const option = /^([^\s#;=:][^=:]*?)\s*[=:]\s*(.*)$/.exec(line);
    if (current && option && option[1]?.toLowerCase() === "name" && option[2]?.trim()) {
      current.name = option[2].trim();
    }
  }
  return feeds;
}
