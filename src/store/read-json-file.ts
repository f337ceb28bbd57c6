import { readFile } from "node:fs/promises";
import type { z } from "zod";

/**
 * What the JSON file at `path` holds when it parses and matches `schema`, else null: missing,
 * unreadable or damaged alike. For the files a build can do without (made again when lost).
 */
export async function readJsonFile<T>(path: string, schema: z.ZodType<T>): Promise<T | null> {
  const text = await readFile(path, "utf8").catch(() => null);
  if (text === null) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
