import { type DefaultTreeAdapterMap, html as htmlSpec, parseFragment } from "parse5";

type ChildNode = DefaultTreeAdapterMap["childNode"];

// Narrower than test/sanitize/find-unsafe-markup.ts on purpose: that one holds the planet to its
// whole contract (absolute URLs, forced rel, …), which the other sanitizers were never asked to
// meet. This one looks only for what runs script, restyles the page, submits or embeds.

/** Elements that run, load or submit something whatever their attributes. */
const ACTIVE_ELEMENTS = new Set([
  ...["script", "style", "link", "meta", "base", "object", "embed", "applet", "frame"],
  ...["frameset", "form", "input", "button", "textarea", "select", "template", "noscript"],
]);

/** Attributes that never belong in post content. */
const ACTIVE_ATTRIBUTES = new Set(["style", "srcdoc", "action", "formaction"]);

/** Attributes holding one URL, checked for their scheme. */
const URL_ATTRIBUTES = new Set([
  ...["href", "src", "poster", "cite", "background", "data", "ping", "xlink:href"],
]);

/** Media elements: a browser fetches their URLs as media and never runs them as script. */
const MEDIA_ELEMENTS = new Set(["img", "source", "video", "audio"]);

const SAFE_SCHEMES = new Set(["http:", "https:", "mailto:"]);

/**
 * What a problem is: "active" runs script, restyles the page or submits (an XSS or worse);
 * "iframe" embeds any page (the planet keeps only known video players, sandboxed); "media-url"
 * is a data: or script URL in an image or player, outside the planet's policy but not run.
 */
export type ProblemKind = "active" | "iframe" | "media-url";

/** One thing found, with the markup that shows it. */
export interface MarkupProblem {
  kind: ProblemKind;
  detail: string;
}

/** The scheme a browser would use for `value`, relative references counting as https. */
function hasUnsafeScheme(value: string): boolean {
  const url = URL.parse(value, "https://relative.invalid/");
  return url !== null && !SAFE_SCHEMES.has(url.protocol);
}

function checkAttributes(tag: string, attrs: { name: string; value: string }[]): MarkupProblem[] {
  const problems: MarkupProblem[] = [];
  const urlKind: ProblemKind = MEDIA_ELEMENTS.has(tag) ? "media-url" : "active";
  for (const { name, value } of attrs) {
    if (name.startsWith("on") || ACTIVE_ATTRIBUTES.has(name)) {
      problems.push({ kind: "active", detail: `<${tag} ${name}>` });
    }
    const unsafe =
      (URL_ATTRIBUTES.has(name) && hasUnsafeScheme(value)) ||
      (name === "srcset" &&
        value.split(",").some((candidate) => hasUnsafeScheme(candidate.trim())));
    if (unsafe) problems.push({ kind: urlKind, detail: `<${tag} ${name}="${value}">` });
  }
  if (tag === "iframe" && !attrs.some((attr) => attr.name === "sandbox")) {
    problems.push({ kind: "iframe", detail: "<iframe> without sandbox" });
  }
  return problems;
}

function checkNodes(nodes: ChildNode[]): MarkupProblem[] {
  const problems: MarkupProblem[] = [];
  for (const node of nodes) {
    if (!("tagName" in node)) continue;
    const tag = node.tagName;
    if (node.namespaceURI !== htmlSpec.NS.HTML) {
      problems.push({ kind: "active", detail: `foreign element <${tag}>` });
    } else if (ACTIVE_ELEMENTS.has(tag)) {
      problems.push({ kind: "active", detail: `<${tag}>` });
    }
    problems.push(...checkAttributes(tag, node.attrs));
    const children = tag === "template" && "content" in node ? node.content.childNodes : [];
    problems.push(...checkNodes([...node.childNodes, ...children]));
  }
  return problems;
}

/**
 * Parses `html` as a browser would (parse5) and lists what could run script, restyle the page,
 * submit a form or embed a page: script-capable elements, handlers, non-http(s) URLs, foreign
 * (SVG, MathML) content, unsandboxed iframes. Empty means safe to insert.
 */
export function findActiveMarkup(html: string): MarkupProblem[] {
  return checkNodes(parseFragment(html).childNodes);
}
