import { readFileSync } from "node:fs";
import type { z } from "zod";

/**
 * What the JSON file at `path` holds when it parses and matches `schema`, else null: missing,
 * unreadable or damaged alike. For the files a build can do without (made again when lost).
 * Read synchronously: these are small local files, read one after another (a build reads one
 * post listing per source), and an asynchronous read's four trips to the thread pool cost more
 * waiting than the read itself.
 */
export async function readJsonFile<T>(path: string, schema: z.ZodType<T>): Promise<T | null> {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return null;
  }
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
