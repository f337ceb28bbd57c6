import type { ListedPost } from "../model/post.ts";
import type { Member, Site } from "../model/site.ts";
import { assignSlugs } from "./member-pages.ts";
import { hrefTo } from "./page-links.ts";

// A fixed locale: `language` is free text in the config, and the order must not vary by machine.
// Made on first use: a collator costs ~10 ms to make, and a build that renders nothing sorts none.
let byName: Intl.Collator | null = null;

/** A category of the config with the members filed under it and the address of its page. */
export interface CategoryPage {
  /** The label as first written in the config. */
  name: string;
  /** URL path segment under categories/: lowercase ASCII letters, digits and hyphens. */
  slug: string;
  /** The members filed under it, in config order. */
  members: Member[];
}

/**
 * Every category at least one member is filed under, sorted by name. Labels that differ only in
 * case ("NixOS", "nixos") are one category, since owners rarely mean two. Slugs are assigned in
 * order of first use in the config, so adding a feed further down never moves an existing page.
 */
export function categoryPages(site: Site): CategoryPage[] {
  const byKey = new Map<string, { name: string; members: Member[] }>();
  for (const member of site.members) {
    for (const name of member.categories) {
      const key = name.toLowerCase();
      const category = byKey.get(key) ?? { name, members: [] };
      if (!category.members.includes(member)) category.members.push(member);
      byKey.set(key, category);
    }
  }
  const categories = [...byKey.values()];
  const slugs = assignSlugs(
    categories.map(({ name }) => name),
    "category",
  );
  return categories
    .map((category, i) => ({ ...category, slug: slugs[i] ?? "category" }))
    .sort((a, b) => {
      byName ??= new Intl.Collator("en", { numeric: true });
      return byName.compare(a.name, b.name) || a.slug.localeCompare(b.slug);
    });
}

/** The folder of a category's page and feeds under the planet, ending in "/". */
export function categoryFolder(slug: string): string {
  return `categories/${slug}/`;
}

/** Href of a category's page on the planet. */
export function categoryHref(site: Site, slug: string): string {
  return hrefTo(site, categoryFolder(slug));
}

/** The posts of every member filed under the category, in the site's order (newest first). */
export function categoryPosts(site: Site, category: CategoryPage): ListedPost[] {
  const feeds = new Set(category.members.map((member) => member.feedUrl));
  return site.posts.filter((post) => feeds.has(post.feedUrl));
}

/** Href of one of a category's own feeds (`rss.xml`, `atom.xml`), beside its page. */
export function categoryFeedHref(site: Site, category: CategoryPage, file: string): string {
  return hrefTo(site, `${categoryFolder(category.slug)}${file}`);
}
