/** A body read to the end, or stopped because it grew past the limit. */
export type BodyReadResult = { complete: true; bytes: Uint8Array } | { complete: false };

/**
 * Reads a (decompressed) response body while counting bytes, cancelling the stream as soon as it
 * passes `maxBytes`: the count is after decompression, so this also stops gzip bombs.
 */
export async function readBodyBounded(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
): Promise<BodyReadResult> {
  if (body === null) return { complete: true, bytes: new Uint8Array(0) };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return { complete: false };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { complete: true, bytes };
}
