import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, stat, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { FetchResult } from "../../src/model/fetch-result.ts";
import { refreshState } from "../../src/refresh/refresh-record.ts";
import { ATTEMPT_JOURNAL_FILE, openAttemptJournal } from "../../src/store/attempt-journal.ts";
import { stateFileSchema } from "../../src/store/cache-files.ts";
import { type FeedCache, openFeedCache } from "../../src/store/feed-cache.ts";
import { HISTORY_LIMIT, type SourceState } from "../../src/store/feed-record.ts";
import { notModifiedSince, sampleRecord } from "../helpers/feed-record-sample.ts";
import { readRecord } from "../helpers/read-record.ts";

const URL_A = "https://a.example/feed?format=atom&x=ü";
const URL_B = "https://b.example/rss";
const WRITTEN_AT = "2025-03-01T12:00:00.000Z";
const LONG_AGO = new Date("2020-01-01T00:00:00Z");

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "planet-journal-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The n-th hour after the records were written, as an ISO string. */
const hour = (n: number) => new Date(Date.parse(WRITTEN_AT) + n * 3_600_000).toISOString();

/** A URL's state file as it is on disk: its bytes and mtime. */
async function stateFileOnDisk(url: string) {
  const path = openFeedCache(dir).pathFor(url);
  return { bytes: await readFile(path, "utf8"), mtime: (await stat(path)).mtime };
}

/** Writes the records of `urls` as a build that fetched them would, then ages their state files. */
async function writeRecords(...urls: string[]): Promise<void> {
  const cache = openFeedCache(dir);
  for (const url of urls) {
    await cache.write(sampleRecord(url, 2));
    await utimes(cache.pathFor(url), LONG_AGO, LONG_AGO);
  }
}

/** The state as a new process reads it, or a failed test. */
async function readState(cache: FeedCache, url: string): Promise<SourceState> {
  const { state, problem } = await cache.readState(url);
  expect(problem).toBeNull();
  if (state === null) throw new Error(`${url}: no state read`);
  return state;
}

/**
 * One build's attempt at each URL, as updateSources and buildSite make it: read, refresh with
 * `answer`, write the state back; the journal saved at the end unless the build dies first.
 */
async function build(
  at: string,
  urls: string[],
  options: { answer?: (state: SourceState) => FetchResult; dies?: boolean } = {},
): Promise<string[]> {
  const cache = openFeedCache(dir);
  for (const url of urls) {
    const state = await readState(cache, url);
    const answer = options.answer?.(state) ?? notModifiedSince(state);
    await cache.writeState(refreshState(state, answer, new Date(at)));
  }
  return options.dies ? [] : cache.saveAttempts();
}

/** The URLs the journal on disk holds attempts for. */
async function journaledUrls(): Promise<string[]> {
  const journal = JSON.parse(await readFile(join(dir, ATTEMPT_JOURNAL_FILE), "utf8"));
  return Object.keys(journal.sources).sort();
}

const failure = (state: SourceState): FetchResult => ({
  ...notModifiedSince(state),
  outcome: "failed",
  status: 503,
  error: { kind: "http", message: "HTTP 503" },
  retryAfter: null,
});

describe("attempts that change nothing but the bookkeeping", () => {
  it("rewrite no state file in a build of 304s, yet the next read has them", async () => {
    await writeRecords(URL_A, URL_B);
    const before = await Promise.all([URL_A, URL_B].map(stateFileOnDisk));

    for (const n of [1, 2, 3]) expect(await build(hour(n), [URL_A, URL_B])).toEqual([]);

    expect(await Promise.all([URL_A, URL_B].map(stateFileOnDisk))).toEqual(before);
    expect(await journaledUrls()).toEqual([URL_A, URL_B].sort());
    const { record } = await readRecord(openFeedCache(dir), URL_A);
    expect(record).toMatchObject({ lastAttempt: hour(3), lastSuccess: hour(3), status: 304 });
    expect(record?.history.map((entry) => entry.at)).toEqual([
      WRITTEN_AT,
      hour(1),
      hour(2),
      hour(3),
    ]);
    expect(record?.posts).toEqual(sampleRecord(URL_A, 2).posts);
  });

  it("are lost, and only they, by a build that dies before writing the journal", async () => {
    await writeRecords(URL_A);
    await build(hour(1), [URL_A]);
    await build(hour(2), [URL_A], { dies: true });

    const state = await readState(openFeedCache(dir), URL_A);
    expect(state.lastSuccess).toBe(hour(1));
    expect(state.history.map((entry) => entry.at)).toEqual([WRITTEN_AT, hour(1)]);
  });

  it("are folded into the state file when it is written for another reason, and never twice", async () => {
    await writeRecords(URL_A);
    await build(hour(1), [URL_A]);
    // A failure is written; the build dies before its journal drops the attempt of hour 1.
    await build(hour(2), [URL_A], { answer: failure, dies: true });

    const onDisk = stateFileSchema.parse(JSON.parse((await stateFileOnDisk(URL_A)).bytes));
    const expected = [`${WRITTEN_AT} ok`, `${hour(1)} not-modified`, `${hour(2)} failed`];
    expect(onDisk.history.map((entry) => `${entry.at} ${entry.outcome}`)).toEqual(expected);
    const read = await readState(openFeedCache(dir), URL_A);
    expect(read.history.map((entry) => `${entry.at} ${entry.outcome}`)).toEqual(expected);

    // The next build's journal no longer holds them.
    await build(hour(3), [URL_A], { answer: failure });
    expect(await journaledUrls()).toEqual([]);
  });

  it("keep as many as a history holds, the newest, and never have the state written", async () => {
    await writeRecords(URL_A);
    const before = await stateFileOnDisk(URL_A);
    const builds = HISTORY_LIMIT + 5;
    for (let n = 1; n <= builds; n++) await build(hour(n), [URL_A]);
    expect(await stateFileOnDisk(URL_A)).toEqual(before);

    const read = await readState(openFeedCache(dir), URL_A);
    expect(read.lastSuccess).toBe(hour(builds));
    const times = Array.from({ length: HISTORY_LIMIT }, (_, n) =>
      hour(builds - HISTORY_LIMIT + 1 + n),
    );
    expect(read.history.map((entry) => entry.at)).toEqual(times);
    expect(await journaledUrls()).toEqual([URL_A]);
  });

  it("of feeds no longer configured are dropped by prune", async () => {
    await writeRecords(URL_A, URL_B);
    await build(hour(1), [URL_A, URL_B]);

    expect(await openFeedCache(dir).prune([URL_B])).toEqual([URL_A]);

    expect(await journaledUrls()).toEqual([URL_B]);
    expect((await readState(openFeedCache(dir), URL_B)).lastSuccess).toBe(hour(1));
  });

  it.each([
    ["damaged", "{ not JSON", /invalid JSON/],
    ["of another version", JSON.stringify({ version: 99, sources: {} }), /not an attempt journal/],
  ])("are ignored, and said so once, when the journal is %s", async (_what, text, reason) => {
    await writeRecords(URL_A);
    await writeFile(join(dir, ATTEMPT_JOURNAL_FILE), text);

    const cache = openFeedCache(dir);
    expect((await readState(cache, URL_A)).lastSuccess).toBe(WRITTEN_AT);
    const problems = await cache.saveAttempts();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^ignored the attempt journal .*attempts\.json/);
    expect(problems[0]).toMatch(reason);

    // Replaced by the next build's journal.
    expect(await build(hour(1), [URL_A])).toEqual([]);
    expect((await readState(openFeedCache(dir), URL_A)).lastSuccess).toBe(hour(1));
  });
});

describe("openAttemptJournal", () => {
  const attempt = { at: WRITTEN_AT, outcome: "not-modified" as const, status: 304 };
  const FILE_SHA = "a".repeat(64);

  it("writes nothing while nothing changed", async () => {
    const journal = await openAttemptJournal(dir);
    expect(journal.pendingFor(URL_A, FILE_SHA)).toEqual([]);
    await journal.save();
    expect(existsSync(join(dir, ATTEMPT_JOURNAL_FILE))).toBe(false);
  });

  it("drops the attempts that follow another state file than the one read", async () => {
    const journal = await openAttemptJournal(dir);
    journal.add(URL_A, FILE_SHA, attempt);
    await journal.save();

    const reopened = await openAttemptJournal(dir);
    expect(reopened.pendingFor(URL_A, FILE_SHA)).toEqual([attempt]);
    expect(reopened.pendingFor(URL_A, "b".repeat(64))).toEqual([]);
    expect(reopened.pendingFor(URL_A, FILE_SHA)).toEqual([]);
  });

  it("keeps the newest attempts, as many as a history holds", async () => {
    const journal = await openAttemptJournal(dir);
    const at = (n: number) => ({ ...attempt, at: hour(n) });
    for (let n = 1; n <= HISTORY_LIMIT + 3; n++) journal.add(URL_A, FILE_SHA, at(n));
    const pending = journal.pendingFor(URL_A, FILE_SHA);
    expect(pending).toHaveLength(HISTORY_LIMIT);
    expect(pending[0]).toEqual(at(4));
    expect(pending.at(-1)).toEqual(at(HISTORY_LIMIT + 3));
  });
});
