import type { Post } from "../model/post.ts";
import type { Site } from "../model/site.ts";
import { paginate } from "../select/select-posts.ts";
import { escapeHtml } from "../text/escape-html.ts";
import { basePath, pageHref, postAnchor } from "./page-links.ts";

/** What Pagefind reads for one stream page: the posts on it, as it would find them there. */
export interface SearchDocument {
  /** The page's file under the site folder; Pagefind makes the result URL from it. */
  sourcePath: string;
  /** Made when asked for, so only the bundle being indexed is held as HTML. */
  html: () => string;
  posts: number;
}

/**
 * One document per stream page, front page first, holding that page's posts: each post's title
 * as a heading with the anchor the page gives it (search shows one hit per post from those
 * headings), its member and author, and its whole content. Made from the site rather than read
 * from the rendered pages, so indexing need not wait for Astro: the two run side by side.
 * The front page's excerpts are indexed whole: a hit there links to a post whose rest is a
 * click away.
 */
export function searchDocuments(site: Site): SearchDocument[] {
  const base = basePath(site);
  const head = `<!doctype html><html lang="${escapeHtml(site.config.language)}"><head><meta charset="utf-8"><title>${escapeHtml(site.config.title)}</title></head><body><main data-pagefind-body>`;
  return paginate(site.posts, site.config.postsPerPage).map((posts, i) => ({
    sourcePath: `${pageHref(site, i + 1).slice(base.length)}index.html`,
    html: () => `${head}${posts.map(postArticle).join("")}</main></body></html>`,
    posts: posts.length,
  }));
}

function postArticle(post: Post): string {
  const byline = post.author && post.author !== post.member ? ` (${post.author})` : "";
  return `<article><h3 id="${escapeHtml(postAnchor(post))}">${escapeHtml(post.title)}</h3><p>${escapeHtml(post.member + byline)}</p>${post.contentHtml}</article>`;
}
