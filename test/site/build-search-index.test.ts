import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildSearchIndex } from "../../src/site/build-search-index.ts";

let dir = "";
afterEach(() => rm(dir, { recursive: true, force: true }));

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><title>t</title></head><body><h1>Planet</h1>${body}</body></html>`;

describe("buildSearchIndex", () => {
  it("indexes only the pages that mark a pagefind body and writes the bundle beside them", async () => {
    dir = await mkdtemp(join(tmpdir(), "planet-search-"));
    await mkdir(join(dir, "page/2"), { recursive: true });
    await mkdir(join(dir, "feeds"), { recursive: true });
    const post = (title: string) =>
      `<main><div data-pagefind-body><h3 id="post-1"><a href="https://x.example/">${title}</a></h3><p>Reconstructing deployments with Disnix.</p></div></main>`;
    await writeFile(join(dir, "index.html"), page(post("First")));
    await writeFile(join(dir, "page/2/index.html"), page(post("Second")));
    await writeFile(join(dir, "feeds/index.html"), page("<main><p>Feed health</p></main>"));

    await buildSearchIndex(dir);

    const entry = JSON.parse(await readFile(join(dir, "pagefind/pagefind-entry.json"), "utf8"));
    expect(entry.languages.en.page_count).toBe(2);
    expect((await readFile(join(dir, "pagefind/pagefind.js"), "utf8")).length).toBeGreaterThan(0);
  }, 60_000);
});
