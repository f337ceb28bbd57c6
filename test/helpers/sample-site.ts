import { configSchema } from "../../src/config/schema.ts";
import type { PlanetEvent } from "../../src/model/event.ts";
import { type ListedPost, listPost, type Post } from "../../src/model/post.ts";
import type { Member, Site } from "../../src/model/site.ts";
import { layOutArchive } from "../../src/select/archive-pages.ts";
import { samplePost } from "./feed-record-sample.ts";

/** Ada Example's feed: the one the sample posts come from. */
export const ADA_FEED = "https://ada.example/feed.xml";

/**
 * A member called `name`, at https://<first word of the name>.example/ with its feed.xml there,
 * no face, no feed title and no categories unless `fields` says otherwise.
 */
export function sampleMember(name: string, fields: Partial<Member> = {}): Member {
  const host = `${name.toLowerCase().split(/\s+/)[0]}.example`;
  return {
    name,
    feedUrl: `https://${host}/feed.xml`,
    link: `https://${host}/`,
    face: null,
    feedTitle: null,
    categories: [],
    ...fields,
  };
}

/** Ada Example, the sample site's one member unless a test gives others. */
export const ADA = sampleMember("Ada Example", { feedTitle: "Ada's blog" });

/** Post `n` of Ada Example's feed (every field set; `n` varies them), plus `fields`. */
export function adaPost(n: number, fields: Partial<Post> = {}): Post {
  return { ...samplePost(ADA_FEED, n), key: `key${n}`, ...fields };
}

/** What a sample site holds; anything left out is empty (members: Ada alone). */
export interface SampleSiteParts {
  members?: Member[];
  /** Its posts, newest first; their contents are all at hand, as if read from a cache. */
  posts?: Post[];
  events?: PlanetEvent[];
  /** Config keys over the sample's title, link, description and owner; defaults fill the rest. */
  config?: Record<string, unknown>;
}

/** The listings of `posts`, in order. */
export function listPosts(posts: readonly Post[]): ListedPost[] {
  return posts.map(listPost);
}

/** A site on 2025-03-01 with a valid config (every default filled in). */
export function sampleSite({
  members = [ADA],
  posts = [],
  events = [],
  config = {},
}: SampleSiteParts = {}): Site {
  const planet = configSchema.parse({
    title: "Test Planet",
    link: "https://planet.example.org/",
    description: "A planet for tests",
    owner: { name: "Planet admins", email: "admins@planet.example.org" },
    feeds: [],
    ...config,
  });
  const listed = listPosts(posts);
  return {
    config: planet,
    now: new Date("2025-03-01T12:00:00Z"),
    posts: listed,
    contents: {
      cacheDir: "",
      locations: new Map(),
      loaded: new Map(posts.map((post) => [post.key, post.contentHtml])),
    },
    // Laid out as a first build would; a test of the archive's own layout makes its own.
    archive: layOutArchive(listed, [], planet.postsPerPage, planet.timezone).pages,
    members,
    events,
  };
}
