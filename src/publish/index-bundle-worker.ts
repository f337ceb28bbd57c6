import { parentPort } from "node:worker_threads";
import { indexBundle } from "./index-bundle.ts";

/** What the thread is sent: one bundle to index, as indexBundle takes it. */
export interface IndexRequest {
  siteDir: string;
  pages: readonly string[];
  outputPath: string;
}

/** What it answers, once per request: the error crosses whole, its cause included. */
export type IndexResponse = { ok: true } | { ok: false; error: unknown };

// A second indexing lane: indexBundle on a thread of its own, with a Pagefind process of its own.
parentPort?.on("message", async ({ siteDir, pages, outputPath }: IndexRequest) => {
  const response: IndexResponse = await indexBundle(siteDir, pages, outputPath).then(
    () => ({ ok: true }),
    (error: unknown) => ({ ok: false, error }),
  );
  parentPort?.postMessage(response);
});
