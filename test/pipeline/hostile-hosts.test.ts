import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STALE_AFTER_DAYS } from "../../src/refresh/describe-health.ts";
import {
  type BuiltSite,
  dnsFailsFast,
  type FaultFeed,
  type FaultPlanet,
  type HealthEntry,
  readHealth,
  readPostTitles,
  startFaultPlanet,
} from "../helpers/fault-planet.ts";
import { postTitles } from "../helpers/fault-server.ts";

// A planet of 5 healthy feeds and 21 hostile hosts, built three times: fresh (every host
// misbehaving but two), an hour later (those two turn to 410 and truncated XML), and offline
// eight days later (the failing ones are stale).
const T0 = "2017-04-01T10:00:00.000Z";
const T1 = "2017-04-01T11:00:00.000Z";
const T2 = "2017-04-09T11:00:00.000Z";
const HEALTHY = ["ada", "ben", "cleo", "dev", "eve"];
/** Hosts that serve their posts despite the trouble. */
const RECOVERING: FaultFeed[] = [
  { name: "flaky", fault: "flaky-500" },
  { name: "busy", fault: "busy-503" },
  { name: "moved", fault: "moved-301" },
  { name: "relocated", fault: "moved-308" },
  { name: "hop", fault: "found-302" },
  { name: "mislabelled", fault: "wrong-type" },
  { name: "untyped", fault: "no-type" },
];
/** Hosts that never serve a feed. */
const FAILING: FaultFeed[] = [
  { name: "hang", fault: "never-answers" },
  { name: "drip", fault: "trickle" },
  { name: "cut", fault: "reset" },
  { name: "swamped", fault: "busy-503-long" },
  { name: "lost", fault: "not-found" },
  { name: "loop", fault: "redirect-loop" },
  { name: "bomb", fault: "gzip-bomb" },
  { name: "flood", fault: "endless" },
  { name: "page", fault: "html-page" },
  { name: "blank", fault: "empty" },
  { name: "secure", fault: "tls" },
  { name: "refused", fault: "refused" },
];
/** A host name that does not resolve, where the resolver says so at once. */
const NOWHERE: FaultFeed = { name: "nowhere", fault: "dns" };
/** Hosts that are fine at first, then turn bad. */
const TURNING = ["gone", "cutoff"];

let planet: FaultPlanet;
let withDns: boolean;
let first: BuiltSite & { health: Map<string, HealthEntry>; titles: string[] };

beforeAll(async () => {
  withDns = await dnsFailsFast();
  planet = await startFaultPlanet(
    [
      ...HEALTHY.map((name): FaultFeed => ({ name, fault: "feed" })),
      ...RECOVERING,
      ...FAILING,
      ...TURNING.map((name): FaultFeed => ({ name, fault: "feed" })),
      ...(withDns ? [NOWHERE] : []),
    ],
    { now: T0, fetch: { timeoutSeconds: 2, deadlineSeconds: 20 } },
  );
  const built = await planet.build();
  first = {
    ...built,
    health: await readHealth(built.outDir),
    titles: await readPostTitles(built.outDir),
  };
}, 120_000);
afterAll(() => planet.close());

const url = (name: string) => planet.urls.get(name) ?? "";
const entry = (health: Map<string, HealthEntry>, name: string): HealthEntry => {
  const found = health.get(name);
  if (found === undefined) throw new Error(`${name} is not in health.json`);
  return found;
};
/** The build log lines naming a feed. */
const logged = (name: string) => planet.log.filter((line) => line.startsWith(`${name}: `));

describe("a fresh build among hostile hosts", () => {
  it("finishes well within the bound, logging one line per stage", () => {
    expect(first.ms).toBeLessThan(60_000);
    const failed = FAILING.length + (withDns ? 1 : 0);
    expect(first.summary.sources).toHaveLength(14 + failed);
    expect(planet.log[0]).toBe(`Fetching ${14 + failed} feeds…`);
    expect(planet.log).toContain(`Fetched: 14 ok, 0 not modified, ${failed} failed`);
    expect(planet.log).toContain("Rendering…");
  });

  it("shows every post the working hosts serve", () => {
    const serving = [...HEALTHY, ...RECOVERING.map(({ name }) => name), ...TURNING];
    const expected = serving.flatMap((name) => postTitles(name, 2));
    expect(first.titles.toSorted()).toEqual(expected.toSorted());
  });

  it("reports every healthy feed ok with its dates and counts", () => {
    for (const name of [...HEALTHY, ...RECOVERING.map((feed) => feed.name)]) {
      expect(entry(first.health, name), name).toMatchObject({
        ok: true,
        error: null,
        lastAttempt: T0,
        lastSuccess: T0,
        consecutiveFailures: 0,
        items: 2,
        newestItem: "2017-03-02T09:00:00.000Z",
        stale: false,
      });
    }
  });

  it("classifies each failure in health.json, with the status where there was one", () => {
    const failures = Object.fromEntries(
      FAILING.map(({ name }) => {
        const { ok, status, error } = entry(first.health, name);
        return [name, { ok, status, kind: error?.kind }];
      }),
    );
    expect(failures).toEqual({
      hang: { ok: false, status: null, kind: "timeout" },
      drip: { ok: false, status: null, kind: "timeout" },
      cut: { ok: false, status: null, kind: "network" },
      swamped: { ok: false, status: 503, kind: "http" },
      lost: { ok: false, status: 404, kind: "http" },
      loop: { ok: false, status: null, kind: "too-many-redirects" },
      bomb: { ok: false, status: 200, kind: "too-large" },
      flood: { ok: false, status: 200, kind: "too-large" },
      page: { ok: false, status: 200, kind: "parse" },
      blank: { ok: false, status: 200, kind: "empty" },
      secure: { ok: false, status: null, kind: "tls" },
      refused: { ok: false, status: null, kind: "network" },
    });
    for (const { name } of FAILING) {
      expect(entry(first.health, name), name).toMatchObject({
        lastAttempt: T0,
        lastSuccess: null,
        consecutiveFailures: 1,
        items: 0,
      });
      expect(logged(name), name).toHaveLength(1);
    }
  });

  it("words each failure plainly", () => {
    const message = (name: string) => entry(first.health, name).error?.message;
    expect(message("hang")).toBe("no response within 2 s");
    expect(message("drip")).toBe("response not complete within 2 s");
    expect(message("cut")).toBe("connection closed by the server before the response was complete");
    expect(message("swamped")).toBe("HTTP 503 Service Unavailable (asked to retry after 3600 s)");
    expect(message("loop")).toBe(`redirect loop back to ${url("loop")}`);
    expect(message("bomb")).toBe("response larger than 15 MiB");
    expect(message("flood")).toBe("response larger than 15 MiB");
    expect(message("blank")).toBe("the response body is empty");
    expect(message("refused")).toBe("connection refused");
  });

  it("tells that a host name does not resolve", (context) => {
    if (!withDns) context.skip("the local resolver does not fail .invalid names at once");
    expect(entry(first.health, "nowhere")).toMatchObject({
      ok: false,
      status: null,
      error: { kind: "dns", message: "could not resolve host nowhere.invalid" },
      advice: "the host name does not resolve: check the URL",
    });
  });

  it("names the new URL of a 301 and a 308, and says nothing of a 302", () => {
    for (const name of ["moved", "relocated"]) {
      expect(entry(first.health, name).advice).toBe(
        `moved permanently to ${url(name)}feed: update its url in feeds.json`,
      );
    }
    expect(entry(first.health, "hop")).toMatchObject({
      finalUrl: `${url("hop")}feed`,
      advice: null,
    });
  });

  it("names the feed an HTML page advertises, and tells what to do about a 404", () => {
    expect(entry(first.health, "page").advice).toBe(
      `this is an HTML page; its feed is ${url("page")}feed: put that URL in feeds.json`,
    );
    expect(entry(first.health, "lost").advice).toBe(
      "not found (404): check the URL or remove the feed",
    );
  });

  it("retries a 500 after a backoff and a 503 after its Retry-After, but not a wait past the deadline", () => {
    expect(planet.hosts.requests("flaky").filter((r) => r.path === "/")).toHaveLength(2);
    const busy = planet.hosts.requests("busy").filter((r) => r.path === "/");
    expect(busy).toHaveLength(2);
    expect((busy[1]?.at ?? 0) - (busy[0]?.at ?? 0)).toBeGreaterThanOrEqual(900);
    expect(planet.hosts.requests("swamped")).toHaveLength(1);
  });
});

describe("an hour later, hosts that turned bad", () => {
  let health: Map<string, HealthEntry>;
  let titles: string[];
  beforeAll(async () => {
    planet.hosts.set("gone", "gone");
    planet.hosts.set("cutoff", "truncated");
    planet.log.length = 0;
    const { outDir } = await planet.build({ now: new Date(T1) });
    health = await readHealth(outDir);
    titles = await readPostTitles(outDir);
  }, 120_000);

  it("keeps every post the first build showed", () => {
    expect(titles.toSorted()).toEqual(first.titles.toSorted());
    const failed = FAILING.length + TURNING.length + (withDns ? 1 : 0);
    expect(planet.log).toContain(`Fetched: 0 ok, 12 not modified, ${failed} failed`);
  });

  it("marks a 410 gone, keeps its posts and advises removing it", () => {
    expect(entry(health, "gone")).toMatchObject({
      ok: false,
      status: 410,
      error: { kind: "http", message: "HTTP 410 Gone" },
      advice: "gone (410): the feed was removed; remove it from feeds.json",
      lastAttempt: T1,
      lastSuccess: T0,
      consecutiveFailures: 1,
      items: 2,
    });
  });

  it("keeps the last good copy of a truncated feed and reports where the XML broke", () => {
    const cutoff = entry(health, "cutoff");
    expect(cutoff).toMatchObject({ ok: false, status: 200, items: 2, lastSuccess: T0 });
    expect(cutoff.error?.kind).toBe("parse");
    expect(cutoff.error?.message).toMatch(/^XML error at line \d+, column \d+: /);
  });

  it("counts consecutive failures of the feeds still failing", () => {
    for (const { name } of FAILING) {
      expect(entry(health, name), name).toMatchObject({
        consecutiveFailures: 2,
        failingSince: T0,
        stale: false,
      });
    }
  });
});

describe(`offline, more than ${STALE_AFTER_DAYS} days later`, () => {
  let health: Map<string, HealthEntry>;
  let feedsPage: Document;
  let outDir: string;
  beforeAll(async () => {
    ({ outDir } = await planet.build({ now: new Date(T2), offline: true }));
    health = await readHealth(outDir);
    feedsPage = parseHTML(await readFile(join(outDir, "feeds/index.html"), "utf8")).document;
  }, 120_000);

  it("marks the failing feeds stale in health.json and keeps their posts", async () => {
    const stale = [...health.values()].filter((feed) => feed.stale).map((feed) => feed.name);
    const failing = [
      ...FAILING.map(({ name }) => name),
      ...TURNING,
      ...(withDns ? ["nowhere"] : []),
    ];
    expect(stale.toSorted()).toEqual(failing.toSorted());
    expect(entry(health, "gone")).toMatchObject({ failingSince: T1, items: 2 });
    expect(entry(health, "cutoff").advice).toBe(
      "failing since 2017-04-01 (stale: over 7 days); its last good copy is still shown",
    );
    expect((await readPostTitles(outDir)).toSorted()).toEqual(first.titles.toSorted());
  });

  it("marks them stale on the feeds/ page, failing feeds first", () => {
    const rows = [...feedsPage.querySelectorAll("tbody tr")];
    const staleRows = rows.filter((row) => row.classList.contains("stale"));
    expect(staleRows).toHaveLength(FAILING.length + TURNING.length + (withDns ? 1 : 0));
    for (const row of staleRows) expect(row.textContent).toContain("stale");
    const okAt = rows.findIndex((row) => row.classList.contains("ok"));
    expect(rows.slice(0, okAt).every((row) => row.classList.contains("failing"))).toBe(true);
    expect(rows.slice(okAt).every((row) => row.classList.contains("ok"))).toBe(true);
  });
});
