/** A stand-in member name for a feed listed without one: its host, else the URL itself. */
export function nameFromUrl(url: string): string {
  return URL.canParse(url) ? new URL(url).hostname || url : url;
}
