import { planetUrl, type Site } from "../model/site.ts";
import { categoryFolder, categoryPages } from "../site/category-pages.ts";

/** A feed file the hub is told about: where it is under dist/ and the URL subscribers use. */
export interface HubFeed {
  path: string;
  url: string;
}

/** Every feed that names the hub: the planet's (in each format) and each category's. */
export function hubFeeds(site: Site): HubFeed[] {
  const paths = [
    "rss.xml",
    "rss20.xml",
    "atom.xml",
    "feed.json",
    ...categoryPages(site).flatMap(({ slug }) =>
      ["rss.xml", "atom.xml"].map((file) => `${categoryFolder(slug)}${file}`),
    ),
  ];
  return paths.map((path) => ({ path, url: planetUrl(site, path) }));
}
