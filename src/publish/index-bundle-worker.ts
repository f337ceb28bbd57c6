import { parentPort } from "node:worker_threads";
import { indexBundle, type PageHtml } from "./index-bundle.ts";

/** What the thread is sent: one bundle to index. */
export interface IndexRequest {
  pages: PageHtml[];
  outputPath: string;
}

/** What it answers, once per request: the error crosses whole, its cause included. */
export type IndexResponse = { ok: true } | { ok: false; error: unknown };

// A second indexing lane: indexBundle on a thread of its own, with a Pagefind process of its own.
parentPort?.on("message", async ({ pages, outputPath }: IndexRequest) => {
  const response: IndexResponse = await indexBundle(pages, outputPath).then(
    () => ({ ok: true }),
    (error: unknown) => ({ ok: false, error }),
  );
  parentPort?.postMessage(response);
});
