import { readFile } from "node:fs/promises";
import type { FetchOptions } from "../fetch/fetch-feed.ts";
import { errnoCode } from "../model/caught-error.ts";
import { decodeBody } from "../parse/decode-body.ts";
import { fetchDocument } from "./fetch-document.ts";

/** The text of a list to import, or why it could not be read. */
export type ImportSource = { ok: true; text: string } | { ok: false; message: string };

/**
 * Reads a local file, or fetches an http(s) URL (another planet's published opml.xml); either way
 * decoded by its BOM or XML declaration, as feeds are.
 */
export async function readImportSource(
  source: string,
  options: FetchOptions,
): Promise<ImportSource> {
  if (/^https?:\/\//i.test(source)) {
    const document = await fetchDocument(source, options);
    return document.ok ? { ok: true, text: document.text } : document;
  }
  try {
    return { ok: true, text: decodeBody(await readFile(source), null) };
  } catch (error) {
    const reason = errnoCode(error) ?? String(error);
    return { ok: false, message: `cannot read ${source} (${reason})` };
  }
}
