import { writeFileAtomic } from "../store/atomic-write.ts";

/** Replaces the config at once, so a build running meanwhile reads the old or the new file whole. */
export async function writeConfigText(path: string, text: string): Promise<void> {
  await writeFileAtomic(path, text);
}
