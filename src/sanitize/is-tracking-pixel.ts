/** Hosts (and path prefixes) that serve only view-counting images, never content. */
const TRACKERS: readonly { host: string; pathPrefix: string }[] = [
  { host: "feeds.feedburner.com", pathPrefix: "/~r/" },
  { host: "feeds.feedburner.com", pathPrefix: "/~ff/" },
  { host: "pixel.wp.com", pathPrefix: "/" },
  { host: "stats.wordpress.com", pathPrefix: "/" },
  { host: "medium.com", pathPrefix: "/_/stat" },
  { host: "blogger.googleusercontent.com", pathPrefix: "/tracker/" },
];

/** A dimension attribute as a number of CSS pixels, or null when absent or not a plain number. */
function parsePixels(value: string | undefined): number | null {
  const match = value === undefined ? null : /^\s*(\d+)(?:px)?\s*$/i.exec(value);
  return match?.[1] === undefined ? null : Number(match[1]);
}

/**
 * True for an image that only reports the reader's visit: sized 1×1 or smaller, or served by a
 * known tracker. `src` is the already resolved absolute URL.
 */
export function isTrackingPixel(
  src: string,
  width: string | undefined,
  height: string | undefined,
): boolean {
  const w = parsePixels(width);
  const h = parsePixels(height);
  if (w !== null && h !== null && w <= 1 && h <= 1) return true;
  const url = URL.parse(src);
  if (url === null) return false;
  return TRACKERS.some((t) => url.hostname === t.host && url.pathname.startsWith(t.pathPrefix));
}
