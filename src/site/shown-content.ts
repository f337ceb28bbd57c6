import type { ListedPost } from "../model/post.ts";
import { contentOf, type Site } from "../model/site.ts";
import { fitContentHtml } from "./fit-content.ts";
import { type TruncatedHtml, truncateHtml } from "./truncate-html.ts";

/** A post's content as pages show it, worked out once per post: it appears on several pages. */
interface ShownForms {
  fitted: string;
  excerpts: Map<number, TruncatedHtml>;
}

const formsByPost = new WeakMap<ListedPost, ShownForms>();

/**
 * The post's sanitized content fitted into the page's outline (fitContentHtml), cut after
 * `truncateWords` words unless that is null. Sanitized HTML stays sanitized: these steps only
 * rename headings, add alt="" and cut text.
 */
export function shownContent(
  site: Site,
  post: ListedPost,
  truncateWords: number | null,
): TruncatedHtml {
  let forms = formsByPost.get(post);
  if (forms === undefined) {
    forms = { fitted: fitContentHtml(contentOf(site, post)), excerpts: new Map() };
    formsByPost.set(post, forms);
  }
  if (truncateWords === null) return { html: forms.fitted, truncated: false };
  let excerpt = forms.excerpts.get(truncateWords);
  if (excerpt === undefined) {
    excerpt = truncateHtml(forms.fitted, truncateWords);
    forms.excerpts.set(truncateWords, excerpt);
  }
  return excerpt;
}
