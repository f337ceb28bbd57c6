/**
 * The longest text fields, in characters: far above any real title, name or label, far below
 * what makes a page heavy (one 1 MB title is on every page that lists the post).
 */
export const TEXT_LIMITS = {
  /** Post and event titles, and a feed's own title. */
  title: 1_000,
  /** Author names and event locations. */
  name: 200,
  /** Category labels. */
  label: 100,
} as const;

/**
 * `text` cut to at most `max` characters, ending with an ellipsis when cut: after the last whole
 * word when one ends in the second half, and never between the halves of a surrogate pair.
 */
export function limitText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  // A low surrogate at the cut belongs to the character before it: leave both out.
  if (/[\uDC00-\uDFFF]/.test(text.charAt(end))) end--;
  const kept = text.slice(0, end);
  const space = kept.search(/\s\S*$/);
  const words = space > max / 2 ? kept.slice(0, space) : kept;
  return `${words.trimEnd()}…`;
}

/** limitText for a field that may be missing. */
export function limitOrNull(text: string | null, max: number): string | null {
  return text === null ? null : limitText(text, max);
}
