/** URL schemes a link may use; mailto links are recognised so they can be removed, not kept. */
export const LINK_SCHEMES: readonly string[] = ["http:", "https:", "mailto:"];

/** URL schemes any fetched resource (image, media, embed) may use. */
export const MEDIA_SCHEMES: readonly string[] = ["http:", "https:"];

/** The base URL to resolve against, or null when it is missing or not an absolute URL. */
export function parseBaseUrl(baseUrl: string | null): string | null {
  if (baseUrl === null) return null;
  return URL.parse(baseUrl.trim())?.href ?? null;
}

/**
 * Resolves `raw` against `base` the way a browser would and returns the absolute URL, or null when
 * it cannot be resolved or its scheme is not in `schemes`.
 *
 * The WHATWG parser strips tabs, newlines and leading control characters and lower-cases the
 * scheme exactly as browsers do, so `java&#9;script:` (already entity-decoded by the HTML parser)
 * is judged by the scheme the browser would really use, and the normalised URL is what we emit.
 */
export function resolveUrl(
  raw: string | undefined,
  base: string | null,
  schemes: readonly string[],
): string | null {
  // An empty reference resolves to the base itself: the author meant "no URL", not "this page".
  if (raw === undefined || raw.trim() === "") return null;
  const url = base === null ? URL.parse(raw) : URL.parse(raw, base);
  if (url === null || !schemes.includes(url.protocol)) return null;
  return url.href;
}

/** One image candidate of a srcset: its URL and optional descriptor ("2x", "640w"). */
interface SrcsetCandidate {
  url: string;
  descriptor: string;
}

const DESCRIPTOR = /^(?:\d+w|\d+(?:\.\d+)?x)$/;

/** Splits a srcset into candidates following the HTML standard's URL-then-descriptors rule. */
function splitSrcset(srcset: string): SrcsetCandidate[] {
  const candidates: SrcsetCandidate[] = [];
  let rest = srcset;
  for (;;) {
    rest = rest.replace(/^[\s,]+/, "");
    if (rest === "") return candidates;
    const url = /^\S+/.exec(rest)?.[0] ?? "";
    rest = rest.slice(url.length);
    // A URL that ends in a comma ends the candidate: it has no descriptors.
    if (url.endsWith(",")) {
      candidates.push({ url: url.replace(/,+$/, ""), descriptor: "" });
      continue;
    }
    const end = rest.indexOf(",");
    const descriptor = (end === -1 ? rest : rest.slice(0, end)).trim();
    rest = end === -1 ? "" : rest.slice(end + 1);
    candidates.push({ url, descriptor });
  }
}

/**
 * Resolves every candidate of a srcset, keeping only well-formed http(s) ones; null when none is
 * left. A URL that would end in a comma cannot be written back unambiguously, so it is dropped.
 */
export function resolveSrcset(srcset: string | undefined, base: string | null): string | null {
  if (srcset === undefined) return null;
  const kept: string[] = [];
  for (const candidate of splitSrcset(srcset)) {
    if (candidate.descriptor !== "" && !DESCRIPTOR.test(candidate.descriptor)) continue;
    const url = resolveUrl(candidate.url, base, MEDIA_SCHEMES);
    if (url === null || url.endsWith(",")) continue;
    kept.push(candidate.descriptor === "" ? url : `${url} ${candidate.descriptor}`);
  }
  return kept.length === 0 ? null : kept.join(", ");
}
