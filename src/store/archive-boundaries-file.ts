import { join } from "node:path";
import * as z from "zod";
import type { ArchiveBoundary } from "../select/archive-pages.ts";
import { writeFileAtomic } from "./atomic-write.ts";
import { readJsonFile } from "./read-json-file.ts";

// Where each archive page begins, kept from build to build so that a page's URL keeps its posts
// (select/archive-pages.ts). Losing the file costs only that: the pages are laid out anew once.

const boundariesSchema = z.object({
  version: z.literal(1),
  boundaries: z.array(
    z.object({ slug: z.string().min(1), date: z.iso.datetime(), key: z.string() }),
  ),
});

const boundariesPath = (cacheDir: string): string => join(cacheDir, "archive-pages.json");

/** The boundaries the last build kept; none when there are none or the file is unreadable. */
export async function readArchiveBoundaries(cacheDir: string): Promise<ArchiveBoundary[]> {
  return (await readJsonFile(boundariesPath(cacheDir), boundariesSchema))?.boundaries ?? [];
}

/** Keeps `boundaries` for the next build. */
export async function writeArchiveBoundaries(
  cacheDir: string,
  boundaries: readonly ArchiveBoundary[],
): Promise<void> {
  await writeFileAtomic(
    boundariesPath(cacheDir),
    `${JSON.stringify({ version: 1, boundaries: [...boundaries] } satisfies z.infer<typeof boundariesSchema>)}\n`,
  );
}
