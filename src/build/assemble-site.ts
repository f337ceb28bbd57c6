import type { PlanetConfig } from "../config/schema.ts";
import { dedupeEvents } from "../events/dedupe-events.ts";
import { fromStoredEvent } from "../events/stored-event.ts";
import type { Member, Site } from "../model/site.ts";
import { selectPosts } from "../select/select-posts.ts";
import { fromStoredPost } from "../store/feed-record.ts";
import type { UpdatedSource } from "./update-sources.ts";

/** The site as readers will see it at `now`: every cached post that is due, the members, the events. */
export function assembleSite(config: PlanetConfig, sources: UpdatedSource[], now: Date): Site {
  const members: Member[] = sources
    .filter(({ source }) => source.kind === "feed")
    .map(({ source, record }) => ({
      name: source.name,
      feedUrl: source.url,
      link: source.link ?? record.feedLink,
      face: source.face,
      feedTitle: record.feedTitle,
      categories: source.categories,
    }));
  // Names and links come from today's config, so renaming a member needs no refetch.
  const posts = sources.flatMap(({ source, record }) =>
    record.posts.map((stored) => ({
      ...fromStoredPost(stored),
      member: source.name,
      memberLink: source.link ?? record.feedLink,
    })),
  );
  const events = dedupeEvents(
    sources.flatMap(({ record }) => record.events.map(fromStoredEvent)),
  ).sort((a, b) => a.start.getTime() - b.start.getTime() || a.uid.localeCompare(b.uid));
  return { config, now, posts: selectPosts(posts, now), members, events };
}
