import { copyFile, link, mkdir, readdir } from "node:fs/promises";
import { dirname, join, relative } from "node:path";

// The page and search stores in the cache never change a file in place (a new version is a new
// file renamed over the old), so a site can share their files instead of copying them: a build
// that reuses hundreds of megabytes of pages then costs a link per file, not a copy.

/** Makes `destination` the file `source` is, or a copy of it where a link cannot be made. */
export async function linkOrCopy(source: string, destination: string): Promise<void> {
  await mkdir(dirname(destination), { recursive: true });
  // Another file system, or one without hard links: copy.
  await link(source, destination).catch(() => copyFile(source, destination));
}

/** linkOrCopy for every file under `source`, into the same places under `destination`. */
export async function linkOrCopyTree(
  source: string,
  destination: string,
  keep: (name: string) => boolean = () => true,
): Promise<void> {
  for (const entry of await readdir(source, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const name = relative(source, join(entry.parentPath, entry.name));
    if (keep(name)) await linkOrCopy(join(source, name), join(destination, name));
  }
}
