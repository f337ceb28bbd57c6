// The planet's allowlist (src/sanitize/sanitize-content.ts), for the other sanitizers that
// bench/compare-libraries.ts measures, so they are held to the same policy.
import { ALLOWED_ATTRIBUTES } from "../src/sanitize/sanitize-content.ts";

export {
  ALLOWED_ATTRIBUTES,
  ALLOWED_TAGS,
  DROPPED_WITH_TEXT,
} from "../src/sanitize/sanitize-content.ts";

/** Whether `name` may stay on `tag`. */
export function isAllowedAttribute(tag: string, name: string): boolean {
  return ALLOWED_ATTRIBUTES[tag]?.includes(name) ?? false;
}
