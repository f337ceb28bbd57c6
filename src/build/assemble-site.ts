import type { PlanetConfig } from "../config/schema.ts";
import type { Member, Site } from "../model/site.ts";
import { selectPosts } from "../select/select-posts.ts";
import { fromStoredPost } from "../store/feed-record.ts";
import type { UpdatedFeed } from "./update-feeds.ts";

/** The site as readers will see it at `now`: every cached post that is due, and the members. */
export function assembleSite(config: PlanetConfig, feeds: UpdatedFeed[], now: Date): Site {
  const members: Member[] = feeds.map(({ feed, record }) => ({
    name: feed.name,
    feedUrl: feed.url,
    link: feed.link ?? record.feedLink,
    face: feed.face ?? null,
    feedTitle: record.feedTitle,
  }));
  // Names and links come from today's config, so renaming a member needs no refetch.
  const posts = feeds.flatMap(({ feed, record }) =>
    record.posts.map((stored) => ({
      ...fromStoredPost(stored),
      member: feed.name,
      memberLink: feed.link ?? record.feedLink,
    })),
  );
  return { config, now, posts: selectPosts(posts, now), members };
}
