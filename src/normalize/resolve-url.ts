/** Resolves `raw` against a chain of bases, nearest first; returns null when no absolute URL results. */
export function resolveUrl(
  raw: string | null | undefined,
  ...bases: (string | null)[]
): string | null {
  const value = raw?.trim();
  if (!value) return null;
  if (URL.canParse(value)) return new URL(value).href;
  const base = resolveBase(bases);
  return base && URL.canParse(value, base) ? new URL(value, base).href : null;
}

/** Like resolveUrl, but only http(s) URLs survive: links shown to readers must be safe to follow. */
export function resolveHttpUrl(
  raw: string | null | undefined,
  ...bases: (string | null)[]
): string | null {
  const url = resolveUrl(raw, ...bases);
  return url && /^https?:/.test(url) ? url : null;
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
