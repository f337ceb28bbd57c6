import type { ListedPost } from "../model/post.ts";
import type { Member, Site } from "../model/site.ts";
import { oncePerObject } from "./once-per-object.ts";
import { hrefTo } from "./page-links.ts";

/** A member together with the address of their page on the planet. */
export interface MemberPage {
  member: Member;
  /** URL path segment under members/: lowercase ASCII letters, digits and hyphens. */
  slug: string;
}

/** Latin letters that Unicode does not decompose into a base letter and an accent. */
const LATIN_LETTERS: Record<string, string> = {
  æ: "ae",
  ø: "o",
  œ: "oe",
  ß: "ss",
  ł: "l",
  đ: "d",
  ð: "d",
  þ: "th",
  ı: "i",
};

/**
 * "Edward Tjörnhammar" → "edward-tjornhammar": accents dropped, anything else that is not a
 * letter or digit becomes a hyphen. A name with nothing usable left gives `fallback`.
 */
export function slugify(name: string, fallback = "member"): string {
  const slug = name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[æøœßłđðþı]/g, (letter) => LATIN_LETTERS[letter] ?? "-")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return slug || fallback;
}

/**
 * One slug per name, in order; a name whose slug is taken gets `-2`, `-3`, …, so slugs only
 * change when a member is renamed or an earlier member with the same slug comes or goes.
 */
export function assignSlugs(names: readonly string[], fallback = "member"): string[] {
  const taken = new Set<string>();
  return names.map((name) => {
    const base = slugify(name, fallback);
    let slug = base;
    for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
    taken.add(slug);
    return slug;
  });
}

/** Every member of the planet with their slug, in config order. */
export function memberPages(site: Site): MemberPage[] {
  const slugs = assignSlugs(site.members.map((member) => member.name));
  return site.members.map((member, i) => ({ member, slug: slugs[i] ?? slugify(member.name) }));
}

/** Href of a member's page on the planet. */
export function memberHref(site: Site, slug: string): string {
  return hrefTo(site, `members/${slug}/`);
}

// Every post on every page looks its member up: a map per site, not a scan of the members.
const membersByFeedUrl = oncePerObject(
  (site: Site) => new Map(site.members.map((member) => [member.feedUrl, member])),
);

// One pass over the posts for all member pages, not one per member page.
const postsByFeedUrl = oncePerObject((site: Site) => {
  const byFeedUrl = new Map<string, ListedPost[]>();
  for (const post of site.posts) {
    const posts = byFeedUrl.get(post.feedUrl);
    if (posts) posts.push(post);
    else byFeedUrl.set(post.feedUrl, [post]);
  }
  return byFeedUrl;
});

/** The member whose feed a post came from; null for event announcements and removed feeds. */
export function findMember(site: Site, post: ListedPost): Member | null {
  return membersByFeedUrl(site).get(post.feedUrl) ?? null;
}

/** The posts of one member's feed, in the site's order (newest first). */
export function memberPosts(site: Site, member: Member): ListedPost[] {
  return postsByFeedUrl(site).get(member.feedUrl) ?? [];
}
