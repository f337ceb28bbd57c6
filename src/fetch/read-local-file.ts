import { readFile } from "node:fs/promises";
import { errnoCode } from "../model/caught-error.ts";
import type { FetchResult } from "../model/fetch-result.ts";

/** Reads a local file (a hand-kept .ics) as if fetched: a value, never a thrown error. */
export async function readLocalFile(path: string, url: string): Promise<FetchResult> {
  const none = { url, finalUrl: url, redirects: [] };
  try {
    const body = await readFile(path);
    if (body.length === 0) {
      return {
        ...none,
        outcome: "failed",
        status: null,
        retryAfter: null,
        error: { kind: "empty", message: `${path} is empty` },
      };
    }
    const validators = { etag: null, lastModified: null };
    return { ...none, outcome: "ok", status: 200, body, contentType: null, validators };
  } catch (error) {
    const code = errnoCode(error) ?? String(error);
    const message = code === "ENOENT" ? `no such file: ${path}` : `cannot read ${path} (${code})`;
    return {
      ...none,
      outcome: "failed",
      status: null,
      retryAfter: null,
      error: { kind: "file", message },
    };
  }
}
