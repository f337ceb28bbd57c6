import { readFile } from "node:fs/promises";
import type { z } from "zod";
import { errnoCode, errorMessage } from "../model/caught-error.ts";
import { configSchema, type PlanetConfig } from "./schema.ts";

/** The configuration can't be used; `problems` lists each one with its field path. */
export class ConfigError extends Error {
  /** The configuration file that was read. */
  readonly file: string;
  /** One line per problem, e.g. `feeds[3].url: not an http(s) URL`. */
  readonly problems: string[];

  constructor(file: string, problems: string[]) {
    super(`${file}: invalid configuration\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
    this.file = file;
    this.problems = problems;
  }
}

/** Reads and validates the configuration file; throws ConfigError listing every problem. */
export async function loadConfig(file: string): Promise<PlanetConfig> {
  return parseConfig(await readConfigText(file), file);
}

/** The configuration file's text as written (owner tools edit it keeping its formatting). */
export async function readConfigText(file: string): Promise<string> {
  try {
    return await readFile(file, "utf8");
  } catch (error) {
    const reason = errnoCode(error) ?? String(error);
    throw new ConfigError(file, [`cannot read the file (${reason})`]);
  }
}

/** Validates configuration text; `file` only labels the messages. */
export function parseConfig(text: string, file: string): PlanetConfig {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ConfigError(file, [`not valid JSON: ${errorMessage(error)}`]);
  }
  // reportInput keeps each issue's input, so a missing field can be told from a mistyped one.
  const result = configSchema.safeParse(json, { reportInput: true });
  // Duplicates are read from the raw JSON so they are listed together with any other problem.
  const problems = [
    ...(result.success ? [] : result.error.issues.flatMap(describeIssue)),
    ...findDuplicateUrls(json),
  ];
  if (!result.success || problems.length > 0) throw new ConfigError(file, problems);
  return result.data;
}

/** Renders a path like ["feeds", 3, "url"] as `feeds[3].url`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out === "" ? "(top level)" : out;
}

function describeIssue(issue: z.core.$ZodIssue): string[] {
  const where = formatPath(issue.path);
  if (issue.code === "unrecognized_keys") {
    return issue.keys.map((key) => `${where}: unknown key "${key}"`);
  }
  return [`${where}: ${describeProblem(issue)}`];
}

function describeProblem(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type" && issue.input === undefined) return "required";
  return issue.message;
}

function findDuplicateUrls(json: unknown): string[] {
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const key of ["feeds", "events"]) {
    const sources = isRecord(json) ? json[key] : undefined;
    if (!Array.isArray(sources)) continue;
    sources.forEach((source: unknown, i) => {
      if (!isRecord(source) || typeof source.url !== "string") return;
      const url = source.url.trim();
      const where = `${key}[${i}].url`;
      const first = seen.get(url);
      if (first) problems.push(`${where}: duplicate of ${first} (${url})`);
      else seen.set(url, where);
    });
  }
  return problems;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
