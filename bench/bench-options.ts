import { parseArgs } from "node:util";

/** What `npm run bench -- …` was asked to do. */
export interface BenchOptions {
  feeds: number;
  items: number;
  latencyMs: number;
  /** Loopback hosts the feeds are spread over (round robin). */
  hosts: number;
  /** Approximate bytes of HTML per post. */
  postBytes: number;
  /** One feed in this many changes before the "changed" build (20: 5%). */
  changeEvery: number;
  json: boolean;
  peer: boolean;
  /** Overrides of the planet's fetch limits (null: the project's defaults). */
  concurrency: number | null;
  perHost: number | null;
  /** Keep the temp dir (feeds, caches, sites) and print its path. */
  keep: boolean;
  /** How many times each build but the cold ones runs, from the same starting state. */
  repeat: number;
}

/** The usage line printed for --help and bad options. */
export const USAGE =
  "npm run bench -- [--feeds 400] [--items 20] [--latency 200] [--hosts N] [--post-bytes 6000]\n" +
  "                 [--change-every 20] [--concurrency N] [--per-host N] [--repeat 3] [--peer] [--json]\n" +
  "                 [--keep]";

/** Reads the command line; throws with the usage for anything it can't use. */
export function parseBenchOptions(argv: string[]): BenchOptions | "help" {
  const { values } = parseArgs({
    args: argv,
    options: {
      feeds: { type: "string", default: "400" },
      items: { type: "string", default: "20" },
      latency: { type: "string", default: "200" },
      hosts: { type: "string" },
      "post-bytes": { type: "string", default: "6000" },
      "change-every": { type: "string", default: "20" },
      concurrency: { type: "string" },
      "per-host": { type: "string" },
      repeat: { type: "string", default: "3" },
      json: { type: "boolean", default: false },
      peer: { type: "boolean", default: false },
      keep: { type: "boolean", default: false },
      help: { type: "boolean", default: false },
    },
  });
  if (values.help) return "help";
  const feeds = count("--feeds", values.feeds, 1);
  return {
    feeds,
    items: count("--items", values.items, 1),
    latencyMs: count("--latency", values.latency, 0),
    // A real planet's feeds sit on many hosts; one per four feeds, at most 250 addresses.
    hosts: values.hosts ? count("--hosts", values.hosts, 1) : Math.min(250, Math.ceil(feeds / 4)),
    postBytes: count("--post-bytes", values["post-bytes"], 100),
    changeEvery: count("--change-every", values["change-every"], 1),
    json: values.json,
    peer: values.peer,
    concurrency: values.concurrency ? count("--concurrency", values.concurrency, 1) : null,
    perHost: values["per-host"] ? count("--per-host", values["per-host"], 1) : null,
    keep: values.keep,
    repeat: count("--repeat", values.repeat, 1),
  };
}

function count(name: string, text: string, min: number): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value < min) {
    throw new Error(`${name}: "${text}" is not a whole number ≥ ${min}\n${USAGE}`);
  }
  return value;
}
