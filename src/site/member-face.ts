import type { Site } from "../model/site.ts";
import { hrefTo } from "./page-links.ts";

/** How a member's face is drawn: their picture, or their initials on a colour of their own. */
export interface FaceLook {
  /** The picture's URL, or null to draw the initials. */
  src: string | null;
  /** One or two capital letters from the name. */
  initials: string;
  /** Which of the stylesheet's TONE_COUNT background colours (`face-tone-N`) the initials get. */
  tone: number;
}

/** How many `face-tone-N` classes public/style.css defines. */
export const TONE_COUNT = 8;

/** "Sander van der Burg" → "SB", "Mayflower" → "M"; letters and digits only, any script. */
export function initialsOf(name: string): string {
  const words = name.split(/\s+/).filter((word) => /[\p{L}\p{N}]/u.test(word));
  const first = (word: string | undefined) =>
    Array.from(word ?? "").find((c) => /[\p{L}\p{N}]/u.test(c)) ?? "";
  const letters = words.length > 1 ? first(words[0]) + first(words.at(-1)) : first(words[0]);
  return letters.toLocaleUpperCase() || "?";
}

/** A stable tone for a name (FNV-1a), so a member keeps their colour from build to build. */
export function toneOf(name: string): number {
  let hash = 0x811c9dc5;
  for (const unit of new TextEncoder().encode(name)) {
    hash = Math.imul(hash ^ unit, 0x01000193) >>> 0;
  }
  return hash % TONE_COUNT;
}

/**
 * The face of a member: `face` from feeds.json is an http(s) URL, or a file name in public/faces/
 * (served as faces/<name> beside the pages); without one, initials.
 */
export function describeFace(site: Site, name: string, face: string | null): FaceLook {
  return { src: face ? faceSrc(site, face) : null, initials: initialsOf(name), tone: toneOf(name) };
}

function faceSrc(site: Site, face: string): string {
  if (/^https?:\/\//i.test(face)) return face;
  const file = face.replace(/^\/+/, "").replace(/^faces\//, "");
  return hrefTo(site, `faces/${file.split("/").map(encodeURIComponent).join("/")}`);
}
