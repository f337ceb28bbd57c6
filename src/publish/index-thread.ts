import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { PROJECT_ROOT } from "../project-root.ts";
import type { IndexRequest, IndexResponse } from "./index-bundle-worker.ts";

const INDEX_WORKER = join(PROJECT_ROOT, "src/publish/index-bundle-worker.ts");

/**
 * indexBundle on a thread of its own (index-bundle-worker.ts), one bundle at a time. The thread
 * starts with the first bundle to index.
 */
export class IndexThread {
  #worker: Worker | null = null;

  index(siteDir: string, pages: readonly string[], outputPath: string): Promise<void> {
    this.#worker ??= new Worker(INDEX_WORKER);
    const worker = this.#worker;
    return new Promise((resolve, reject) => {
      const onExit = (code: number) =>
        reject(new Error(`the indexing thread stopped (exit code ${code})`));
      worker.once("exit", onExit);
      worker.once("error", reject);
      worker.once("message", (response: IndexResponse) => {
        worker.off("exit", onExit).off("error", reject);
        if (response.ok) resolve();
        else reject(response.error);
      });
      worker.postMessage({ siteDir, pages, outputPath } satisfies IndexRequest);
    });
  }

  async end(): Promise<void> {
    await this.#worker?.terminate();
  }
}
