// The one copy of the page's security policy: Base.astro puts it in a <meta> on every page, and
// render-headers writes it into dist/_headers for hosts that read that file.

/**
 * The Content-Security-Policy of every page. Feed content may only bring images, media and video
 * frames; scripts are the planet's own external files, never inline. frame-src allows any https
 * origin because PeerTube players live on any instance: the sanitizer's embed allowlist is what
 * decides which frames exist at all. Search compiles Pagefind's WebAssembly, hence
 * 'wasm-unsafe-eval' (it allows no JavaScript eval).
 */
export const CONTENT_SECURITY_POLICY: string = [
  "default-src 'self'",
  "img-src 'self' https: http:",
  "media-src 'self' https: http:",
  "frame-src https://www.youtube-nocookie.com https://www.youtube.com https://player.vimeo.com https:",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

/** The Referrer-Policy of every page: other sites learn the planet's origin, never the page. */
export const REFERRER_POLICY = "strict-origin-when-cross-origin";
