import type { Readable } from "node:stream";

/** A body read to the end, or stopped because it grew past the limit. */
export type BodyReadResult = { complete: true; bytes: Uint8Array } | { complete: false };

/**
 * Reads a (decompressed) response body while counting bytes, stopping the stream as soon as it
 * passes `maxBytes`: the count is after decompression, so this also stops gzip bombs.
 */
export async function readBodyBounded(body: Readable, maxBytes: number): Promise<BodyReadResult> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      body.destroy();
      return { complete: false };
    }
    chunks.push(chunk);
  }
  return { complete: true, bytes: Buffer.concat(chunks, total) };
}
