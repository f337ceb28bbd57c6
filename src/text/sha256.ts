import { createHash } from "node:crypto";

/**
 * The sha256 of a string (as UTF-8) or of bytes, in lowercase hex: all 64 digits, or the first
 * `digits` of them for a key or an ETag that only needs to tell things apart.
 */
export function sha256Hex(data: string | Uint8Array, digits = 64): string {
  return createHash("sha256").update(data).digest("hex").slice(0, digits);
}
