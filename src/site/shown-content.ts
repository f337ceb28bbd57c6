import type { Post } from "../model/post.ts";
import { fitContentHtml } from "./fit-content.ts";
import { oncePerObject } from "./once-per-object.ts";
import { type TruncatedHtml, truncateHtml } from "./truncate-html.ts";

/** A post's content as pages show it, worked out once per post: it appears on several pages. */
interface ShownForms {
  fitted: string;
  excerpts: Map<number, TruncatedHtml>;
}

const formsOf = oncePerObject(
  (post: Post): ShownForms => ({ fitted: fitContentHtml(post.contentHtml), excerpts: new Map() }),
);

/**
 * The post's sanitized content fitted into the page's outline (fitContentHtml), cut after
 * `truncateWords` words unless that is null. Sanitized HTML stays sanitized: these steps only
 * rename headings, add alt="" and cut text.
 */
export function shownContent(post: Post, truncateWords: number | null): TruncatedHtml {
  const forms = formsOf(post);
  if (truncateWords === null) return { html: forms.fitted, truncated: false };
  let excerpt = forms.excerpts.get(truncateWords);
  if (excerpt === undefined) {
    excerpt = truncateHtml(forms.fitted, truncateWords);
    forms.excerpts.set(truncateWords, excerpt);
  }
  return excerpt;
}
