/** What the parse stage reads out of one feed document, before normalization. */
export interface ParsedFeed {
  format: "rss" | "atom" | "rdf" | "json";
  /** Plain text. */
  title: string | null;
  /** The site link as written in the feed (may be relative). */
  link: string | null;
  /** The feed-level xml:base as written (may be relative), or null. */
  base: string | null;
  /** The newest entries only: at most as many as the cache keeps of a feed. */
  entries: ParsedEntry[];
  /** How many older entries the feed listed beyond those, left unread. */
  omittedEntries: number;
}

/** One entry as the feed wrote it; dates parsed, text decoded, URLs not yet resolved. */
export interface ParsedEntry {
  /** guid / atom:id / JSON id, or null. */
  id: string | null;
  /** Plain text (HTML titles are reduced to their text). */
  title: string | null;
  /** The entry's alternate link as written (may be relative). */
  link: string | null;
  /** The entry's effective xml:base (entry's own against the feed's), as written, or null. */
  base: string | null;
  /** The content's own xml:base (Atom content element), or null. */
  contentBase: string | null;
  published: Date | null;
  updated: Date | null;
  /** Author name only, or null. */
  author: string | null;
  /** Raw HTML: full content preferred over summary; text content already escaped to HTML. */
  contentHtml: string | null;
  categories: string[];
}
