import { copyFileSync, linkSync, mkdirSync, readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";

// The page and search stores in the cache never change a file in place (a new version is a new
// file renamed over the old), so a site can share their files instead of copying them: a build
// that reuses hundreds of megabytes of pages then costs a link per file, not a copy.
//
// Synchronous on purpose: a build links about a thousand files into a new site, mostly into a few
// folders. Set going at once on Node's thread pool, 520 links took ~100 ms and 150–240 ms of the
// kernel's time (its threads wait on the same folders' locks); one after another on this thread,
// 20–35 ms and ~25 ms.

/** Makes `destination` the file `source` is, or a copy of it where a link cannot be made. */
export function linkOrCopy(source: string, destination: string): void {
  mkdirSync(dirname(destination), { recursive: true });
  try {
    linkSync(source, destination);
  } catch {
    // Another file system, or one without hard links: copy.
    copyFileSync(source, destination);
  }
}

/** linkOrCopy for every file under `source`, into the same places under `destination`. */
export function linkOrCopyTree(
  source: string,
  destination: string,
  keep: (name: string) => boolean = () => true,
): void {
  for (const entry of readdirSync(source, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const name = relative(source, join(entry.parentPath, entry.name));
    if (keep(name)) linkOrCopy(join(source, name), join(destination, name));
  }
}
