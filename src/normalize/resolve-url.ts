import { MEDIA_SCHEMES, resolveUrl } from "../sanitize/resolve-url.ts";

/**
 * Resolves `raw` against a chain of bases, nearest first; only http(s) URLs survive, since links
 * shown to readers must be safe to follow. Null when no absolute http(s) URL results.
 */
export function resolveHttpUrl(
  raw: string | null | undefined,
  ...bases: (string | null)[]
): string | null {
  return resolveUrl(raw ?? undefined, resolveBase(bases), MEDIA_SCHEMES);
}

/** The nearest base, made absolute by the ones after it (an xml:base may itself be relative). */
export function resolveBase(bases: readonly (string | null)[]): string | null {
  let absolute: string | null = null;
  for (const base of [...bases].reverse()) {
    if (!base) continue;
    if (URL.canParse(base)) absolute = new URL(base).href;
    else if (absolute && URL.canParse(base, absolute)) absolute = new URL(base, absolute).href;
  }
  return absolute;
}
