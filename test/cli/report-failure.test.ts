import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { reportFailure, UsageError } from "../../src/cli/report-failure.ts";
import { ConfigError } from "../../src/config/load-config.ts";
import { createLogger } from "../../src/log/logger.ts";
import { EnvironmentError } from "../../src/pipeline/build-environment.ts";
import { CacheLockedError } from "../../src/store/cache-lock.ts";
import { spawnCli, stackLines } from "../helpers/spawn-process.ts";
import { makeTempConfig, type TempConfig } from "../helpers/temp-config.ts";

const PROBLEMS = [
  "feeds[0].name: required",
  'feeds[0]: unknown key "nmae"',
  "feeds[1].url: not a URL",
];

/** Reports `error` to a logger that keeps its stderr lines; the exit code and what was printed. */
function report(error: unknown): { code: number; stderr: string } {
  const lines: string[] = [];
  const log = createLogger(
    { format: "human", level: "info" },
    { out: (line) => lines.push(line), err: (line) => lines.push(line) },
  );
  const code = reportFailure(error, log, "nothing was changed");
  return { code, stderr: lines.join("\n") };
}

describe("reportFailure", () => {
  it("lists every config problem with its field path, exit 1, no stack trace", () => {
    const { code, stderr } = report(new ConfigError("/srv/planet/feeds.json", PROBLEMS));
    expect(code).toBe(1);
    expect(stderr).toBe(
      [
        "/srv/planet/feeds.json: the configuration is invalid; nothing was changed.",
        ...PROBLEMS.map((problem) => `  ${problem}`),
      ].join("\n"),
    );
  });

  it("names a held cache lock and a bad environment in one line, exit 1", () => {
    const locked = report(new CacheLockedError("/srv/cache/.lock", 4242, "2017-04-01T10:00:00Z"));
    expect(locked).toEqual({
      code: 1,
      stderr:
        "another build holds the cache lock /srv/cache/.lock (process 4242 since 2017-04-01T10:00:00Z); nothing was changed.",
    });
    const env = report(new EnvironmentError("PLANET_NOW is not an ISO 8601 instant"));
    expect(env).toEqual({
      code: 1,
      stderr: "PLANET_NOW is not an ISO 8601 instant; nothing was changed.",
    });
  });

  it("prints a bad command line's problem above the usage, exit 1", () => {
    const usage = "usage: npm run thing -- <file>";
    expect(report(new UsageError("unexpected argument(s) b.opml", usage))).toEqual({
      code: 1,
      stderr: `unexpected argument(s) b.opml\n${usage}`,
    });
  });

  it("keeps the whole stack of anything else for a bug report, exit 2", () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'url')");
    const { code, stderr } = report(bug);
    expect(code).toBe(2);
    expect(stderr).toContain("TypeError: Cannot read properties of undefined (reading 'url')");
    expect(stderr).toMatch(/\n\s+at /);
  });
});

describe("build, add-feed and import-opml report through it", () => {
  let temp: TempConfig;
  beforeAll(async () => {
    temp = await makeTempConfig();
    const invalid = {
      title: "Test Planet",
      link: "https://planet.example.org/",
      feeds: [
        { nmae: "Alice", url: "https://alice.example.org/feed.atom" },
        { name: "Bob", url: "bob.rss" },
      ],
    };
    await writeFile(temp.configPath, JSON.stringify(invalid));
  });
  afterAll(() => temp.remove());

  const commands = [
    { script: "build.ts", args: [], consequence: "nothing was built" },
    {
      script: "add-feed.ts",
      args: ["https://carol.example.net/"],
      consequence: "nothing was changed",
    },
    {
      script: "import-opml.ts",
      args: [join(import.meta.dirname, "../fixtures/owner/subscriptions.opml")],
      consequence: "nothing was changed",
    },
  ];
  it.concurrent.each(commands)(
    "$script: an invalid config",
    async ({ script, args, consequence }) => {
      const run = await spawnCli(
        script,
        { PLANET_CONFIG: temp.configPath, PLANET_CACHE_DIR: join(temp.dir, "cache") },
        { args },
      ).exited;
      expect(run.code).toBe(1);
      expect(run.stderr).toBe(
        [
          `${temp.configPath}: the configuration is invalid; ${consequence}.`,
          ...PROBLEMS.map((problem) => `  ${problem}`),
          "",
        ].join("\n"),
      );
      expect(stackLines(run)).toEqual([]);
    },
  );

  it.concurrent.each(commands)("$script: an unknown flag", async ({ script, args }) => {
    const run = await spawnCli(
      script,
      { PLANET_CONFIG: temp.configPath },
      {
        args: ["--nmae", ...args],
      },
    ).exited;
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/--nmae.*\nusage: npm run [a-z-]+ /s);
    expect(stackLines(run)).toEqual([]);
  });
});
