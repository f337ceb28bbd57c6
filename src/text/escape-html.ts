import { escapeUTF8 } from "entities";

/**
 * Escapes plain text for HTML text or a quoted attribute value: exactly & < > " ' become
 * entities, everything else (non-ASCII included) stays as is. For HTML built outside Astro.
 */
export function escapeHtml(text: string): string {
  return escapeUTF8(text);
}
