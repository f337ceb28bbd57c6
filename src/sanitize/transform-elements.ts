import type sanitizeHtml from "sanitize-html";
import { isTrackingPixel } from "./is-tracking-pixel.ts";
import { matchVideoEmbed } from "./match-video-embed.ts";
import { LINK_SCHEMES, MEDIA_SCHEMES, resolveSrcset, resolveUrl } from "./resolve-url.ts";

type Attributes = sanitizeHtml.Attributes;
type Tag = sanitizeHtml.Tag;
type Transformer = sanitizeHtml.Transformer;

/** The rel every link in post content carries, whatever the feed said. */
const LINK_REL = "nofollow ugc noopener";

/** What the transforms need to know about the post being sanitized. */
export interface TransformContext {
  /** Absolute base URL for relative references, or null when there is none. */
  base: string | null;
  /** Whether allowlisted video iframes stay players or become links. */
  embeds: "iframe" | "link";
}

/**
 * A refused image, source or iframe keeps its name and loses its URL; the sanitizer's filter then
 * removes it whole. (Renaming it to a disallowed tag instead would trip sanitize-html 2.18, which
 * then gives that name to the next closing tag at the same depth.)
 */
function refuse(tagName: string): Tag {
  return { tagName, attribs: {} };
}

const DIMENSION = /^\d{1,5}$/;
const INTEGER = /^-?\d{1,9}$/;
const SPAN = /^\d{1,4}$/;

/** Keeps the attributes whose value is a string (absent ones are null or undefined). */
function compact(attribs: Record<string, string | null | undefined>): Attributes {
  const kept: Attributes = {};
  for (const [name, value] of Object.entries(attribs)) {
    if (typeof value === "string") kept[name] = value;
  }
  return kept;
}

/** The attribute's value when it matches `pattern`, else undefined (the attribute is dropped). */
function valid(value: string | undefined, pattern: RegExp): string | undefined {
  return value !== undefined && pattern.test(value) ? value : undefined;
}

/** An element renamed and stripped of every attribute. */
function rename(tagName: string): Transformer {
  return () => ({ tagName, attribs: {} });
}

/** A video iframe from the allowlist, kept as a sandboxed player or turned into a link. */
function transformIframe(attribs: Attributes, context: TransformContext): Tag {
  const src = resolveUrl(attribs.src, context.base, MEDIA_SCHEMES);
  const embed = src === null ? null : matchVideoEmbed(src);
  if (embed === null) return refuse("iframe");
  const title = attribs.title?.trim() || "Embedded video";
  if (context.embeds === "link") {
    const text = attribs.title?.trim() || embed.watchUrl;
    return { tagName: "a", attribs: { href: embed.watchUrl, rel: LINK_REL }, text };
  }
  return {
    tagName: "iframe",
    attribs: {
      src: embed.embedUrl,
      sandbox: "allow-scripts allow-same-origin allow-presentation",
      allow: "fullscreen; picture-in-picture",
      referrerpolicy: "strict-origin-when-cross-origin",
      loading: "lazy",
      title,
    },
    // Fallback markup inside a kept iframe is raw text to a browser; emit none.
    text: "",
  };
}

/** The per-element rewrites: URL resolution, forced attributes, heading shift, removals. */
export function buildTransforms(context: TransformContext): Record<string, Transformer> {
  const { base } = context;
  return {
    a: (_, attribs) => {
      const href = resolveUrl(attribs.href, base, LINK_SCHEMES);
      const rel = href === null ? null : LINK_REL;
      return { tagName: "a", attribs: compact({ href, title: attribs.title, rel }) };
    },
    img: (_, attribs) => {
      const src = resolveUrl(attribs.src, base, MEDIA_SCHEMES);
      if (src === null || isTrackingPixel(src, attribs.width, attribs.height)) {
        return refuse("img");
      }
      const image = compact({
        src,
        srcset: resolveSrcset(attribs.srcset, base),
        alt: attribs.alt,
        title: attribs.title,
        width: valid(attribs.width, DIMENSION),
        height: valid(attribs.height, DIMENSION),
        loading: "lazy",
        decoding: "async",
        referrerpolicy: "no-referrer",
      });
      return { tagName: "img", attribs: image };
    },
    source: (_, attribs) => {
      const src = resolveUrl(attribs.src, base, MEDIA_SCHEMES);
      const srcset = resolveSrcset(attribs.srcset, base);
      if (src === null && srcset === null) return refuse("source");
      const source = compact({ src, srcset, type: attribs.type, media: attribs.media });
      return { tagName: "source", attribs: source };
    },
    video: (_, attribs) => {
      const video = compact({
        src: resolveUrl(attribs.src, base, MEDIA_SCHEMES),
        poster: resolveUrl(attribs.poster, base, MEDIA_SCHEMES),
        controls: "",
        width: valid(attribs.width, DIMENSION),
        height: valid(attribs.height, DIMENSION),
      });
      return { tagName: "video", attribs: video };
    },
    audio: (_, attribs) => {
      const src = resolveUrl(attribs.src, base, MEDIA_SCHEMES);
      return { tagName: "audio", attribs: compact({ src, controls: "" }) };
    },
    iframe: (_, attribs) => transformIframe(attribs, context),
    // The page itself uses h1 (planet), h2 (day) and h3 (post): feed headings sit below them.
    h1: rename("h4"),
    h2: rename("h5"),
    h3: rename("h6"),
    h4: rename("h6"),
    h5: rename("h6"),
    h6: rename("h6"),
    td: (_, attribs) => ({ tagName: "td", attribs: compact(tableCell(attribs)) }),
    th: (_, attribs) => ({ tagName: "th", attribs: compact(tableCell(attribs)) }),
    ol: (_, attribs) => {
      const list = compact({
        start: valid(attribs.start, INTEGER),
        reversed: attribs.reversed === undefined ? undefined : "",
        type: valid(attribs.type, /^[1aAiI]$/),
      });
      return { tagName: "ol", attribs: list };
    },
    li: (_, attribs) => ({
      tagName: "li",
      attribs: compact({ value: valid(attribs.value, INTEGER) }),
    }),
  };
}

/** The table-cell attributes worth keeping, each checked for a sane value. */
function tableCell(attribs: Attributes): Record<string, string | undefined> {
  return {
    colspan: valid(attribs.colspan, SPAN),
    rowspan: valid(attribs.rowspan, SPAN),
    scope: valid(attribs.scope, /^(?:row|col|rowgroup|colgroup)$/),
  };
}
