import { configSchema } from "../../src/config/schema.ts";
import type { Post } from "../../src/model/post.ts";
import type { Member, Site } from "../../src/model/site.ts";
import { layOutArchive } from "../../src/select/archive-pages.ts";

/** A member with only a name and feed URL set, filed under `categories`. */
export function member(
  name: string,
  feedUrl: string,
  face: string | null = null,
  categories: string[] = [],
): Member {
  return { name, feedUrl, link: null, face, feedTitle: null, categories };
}

/** A site at `link` with these members and posts; every config default filled in. */
export function sampleSite(
  members: Member[],
  posts: Post[] = [],
  link = "https://planet.example.org/",
): Site {
  const config = configSchema.parse({ title: "Test Planet", link, feeds: [] });
  return {
    config,
    now: new Date("2025-03-01T12:00:00Z"),
    posts,
    archive: layOutArchive(posts, [], config.postsPerPage, config.timezone).pages,
    members,
    events: [],
  };
}
