import { readFileSync } from "node:fs";
import type { z } from "zod";
import { errorMessage } from "../model/caught-error.ts";

/**
 * What the JSON file at `path` holds when it parses and matches `schema`, else null: missing,
 * unreadable or damaged alike. For the files a build can do without (made again when lost).
 * Read synchronously: these are small local files, read one after another (a build reads one
 * post listing per source), and an asynchronous read's four trips to the thread pool cost more
 * waiting than the read itself.
 */
export async function readJsonFile<T>(path: string, schema: z.ZodType<T>): Promise<T | null> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return null;
  }
  const parsed = parseJson(bytes, schema, "unexpected");
  return parsed.ok ? parsed.value : null;
}

/** A JSON file's validated value, or why it is not one. */
export type ParsedJson<T> = { ok: true; value: T } | { ok: false; reason: string };

/**
 * The validated value of a JSON file's bytes, or why it is not one, for a problem message:
 * "invalid JSON (…)", or `notWhat` with the first issue's field path.
 */
export function parseJson<T>(bytes: Buffer, schema: z.ZodType<T>, notWhat: string): ParsedJson<T> {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch (error) {
    return { ok: false, reason: `invalid JSON (${errorMessage(error)})` };
  }
  const parsed = schema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  return { ok: false, reason: `${notWhat} (${where}${issue?.message ?? "invalid"})` };
}
