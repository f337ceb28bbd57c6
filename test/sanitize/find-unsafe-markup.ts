import { type DefaultTreeAdapterMap, html as htmlSpec, parseFragment } from "parse5";

type ChildNode = DefaultTreeAdapterMap["childNode"];

/**
 * What a sanitized fragment may hold, written out here independently of the sanitizer's own
 * configuration, so a too-generous configuration fails the tests instead of defining them.
 */
const ALLOWED: Record<string, readonly string[]> = {
  a: ["href", "title", "rel"],
  img: [
    "src",
    "srcset",
    "alt",
    "title",
    "width",
    "height",
    "loading",
    "decoding",
    "referrerpolicy",
  ],
  source: ["src", "srcset", "type", "media"],
  video: ["src", "poster", "controls", "width", "height"],
  audio: ["src", "controls"],
  iframe: ["src", "sandbox", "allow", "referrerpolicy", "loading", "title"],
  td: ["colspan", "rowspan", "scope"],
  th: ["colspan", "rowspan", "scope"],
  ol: ["start", "reversed", "type"],
  li: ["value"],
  time: ["datetime"],
  abbr: ["title"],
};

const BARE_TAGS = [
  ...["p", "br", "hr", "picture", "figure", "figcaption", "blockquote", "q", "cite", "pre"],
  ...["code", "kbd", "samp", "var", "em", "strong", "b", "i", "u", "s", "del", "ins", "mark"],
  ...["small", "sub", "sup", "dfn", "span", "div", "ul", "dl", "dt", "dd", "table", "thead"],
  ...["tbody", "tfoot", "tr", "caption", "colgroup", "col", "details", "summary", "h4", "h5"],
  ...["h6", "ruby", "rt", "rp"],
];

const URL_ATTRIBUTES = new Set(["href", "src", "poster"]);
const EMBED_SANDBOX = "allow-scripts allow-same-origin allow-presentation";

function isWebUrl(value: string): boolean {
  const url = URL.parse(value);
  return url !== null && (url.protocol === "http:" || url.protocol === "https:");
}

/** Problems with one attribute of `tag`, as messages. */
function checkAttribute(tag: string, name: string, value: string): string[] {
  const problems: string[] = [];
  if (name.startsWith("on")) problems.push(`<${tag}> has event handler ${name}`);
  if (!(ALLOWED[tag] ?? []).includes(name)) problems.push(`<${tag}> has attribute ${name}`);
  if (URL_ATTRIBUTES.has(name) && !isWebUrl(value)) {
    problems.push(`<${tag} ${name}> is not an absolute http(s) URL: ${value}`);
  }
  if (name === "srcset") {
    for (const candidate of value.split(", ")) {
      const url = candidate.split(" ")[0] ?? "";
      if (!isWebUrl(url)) problems.push(`<${tag} srcset> has a non-http(s) candidate: ${url}`);
    }
  }
  if (tag === "iframe" && name === "src" && !value.startsWith("https://")) {
    problems.push(`<iframe> source is not https: ${value}`);
  }
  if (tag === "iframe" && name === "sandbox" && value !== EMBED_SANDBOX) {
    problems.push(`<iframe> sandbox was widened: ${value}`);
  }
  if (tag === "a" && name === "rel" && value !== "nofollow ugc noopener") {
    problems.push(`<a> rel is ${value}`);
  }
  return problems;
}

function checkNodes(nodes: ChildNode[]): string[] {
  const problems: string[] = [];
  for (const node of nodes) {
    if (node.nodeName === "#comment") problems.push("a comment survived");
    if (!("tagName" in node)) continue;
    if (node.namespaceURI !== htmlSpec.NS.HTML) problems.push(`foreign element <${node.tagName}>`);
    if (!BARE_TAGS.includes(node.tagName) && ALLOWED[node.tagName] === undefined) {
      problems.push(`element <${node.tagName}> is not allowlisted`);
    }
    if (node.tagName === "iframe" && !node.attrs.some((a) => a.name === "sandbox")) {
      problems.push("<iframe> without sandbox");
    }
    for (const attr of node.attrs)
      problems.push(...checkAttribute(node.tagName, attr.name, attr.value));
    problems.push(...checkNodes(node.childNodes));
  }
  return problems;
}

/**
 * Parses `html` the way a browser would (parse5) and lists everything outside the allowlist: an
 * element, an attribute, an event handler, a URL that is not absolute http(s). Empty means safe.
 */
export function findUnsafeMarkup(html: string): string[] {
  return checkNodes(parseFragment(html).childNodes);
}
