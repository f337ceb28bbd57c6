/** An iframe source recognised as a video player we allow, with the page to link to instead. */
export interface VideoEmbed {
  /** The player URL to put in the sandboxed iframe (absolute https). */
  embedUrl: string;
  /** The video's own page, for readers (or outputs) that get a link instead of a player. */
  watchUrl: string;
}

const VIDEO_ID = "([A-Za-z0-9_-]+)";
const YOUTUBE_PATH = new RegExp(`^/embed/${VIDEO_ID}$`);
const VIMEO_PATH = /^\/video\/(\d+)$/;
const PEERTUBE_PATH = new RegExp(`^/videos/embed/${VIDEO_ID}$`);

const YOUTUBE_HOSTS = new Set([
  "www.youtube.com",
  "youtube.com",
  "www.youtube-nocookie.com",
  "youtube-nocookie.com",
]);

/**
 * Recognises an absolute iframe URL as an allowlisted video player (YouTube, Vimeo, or any
 * PeerTube-shaped instance), or returns null. Only https is accepted: a player loaded over http
 * could be swapped for anything on the way.
 */
export function matchVideoEmbed(src: string): VideoEmbed | null {
  const url = URL.parse(src);
  if (url === null || url.protocol !== "https:" || url.username !== "" || url.password !== "") {
    return null;
  }
  const youtube = YOUTUBE_HOSTS.has(url.hostname) ? YOUTUBE_PATH.exec(url.pathname) : null;
  if (youtube) {
    return { embedUrl: url.href, watchUrl: `https://www.youtube.com/watch?v=${youtube[1]}` };
  }
  const vimeo = url.hostname === "player.vimeo.com" ? VIMEO_PATH.exec(url.pathname) : null;
  if (vimeo) {
    return { embedUrl: url.href, watchUrl: `https://vimeo.com/${vimeo[1]}` };
  }
  const peertube = PEERTUBE_PATH.exec(url.pathname);
  if (peertube) {
    return { embedUrl: url.href, watchUrl: `${url.origin}/videos/watch/${peertube[1]}` };
  }
  return null;
}
