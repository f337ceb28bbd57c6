import { randomBytes } from "node:crypto";
import { type FileHandle, open, rename, unlink } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { errnoCode } from "../model/caught-error.ts";

/** Suffix of in-progress temp files, so a cleanup can recognise leftovers of a killed writer. */
export const TEMP_SUFFIX = ".tmp";

/** What writeFileAtomic may leave to the file system's own time. */
export interface AtomicWriteOptions {
  /**
   * false: the rename is not synced (the directory's fsync is skipped), so a crash soon after
   * may bring the old file back, whole: the new bytes are synced before the rename either way.
   * For a file whose previous version is a good one still, e.g. a state that names the same
   * content file, or the attempt journal. Default true.
   */
  durable?: boolean;
}

/**
 * Replaces `path` with `data` so that a reader (or a crash at any moment) sees either the old file
 * or the new one, never a torn mix: write a temp file beside it, fsync, rename over, fsync the dir.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const dir = dirname(path);
  const temp = join(
    dir,
    `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}${TEMP_SUFFIX}`,
  );
  try {
    const handle = await open(temp, "wx", 0o644);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, path);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
  if (options.durable ?? true) await syncDirectory(dir);
}

/** Makes the rename itself durable; some platforms cannot open a directory, which is fine there. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | null = null;
  try {
    handle = await open(dir, "r");
    await handle.sync();
  } catch (error) {
    if (!["EISDIR", "EPERM", "EINVAL", "EACCES"].includes(errnoCode(error) ?? "")) throw error;
  } finally {
    await handle?.close();
  }
}
