import { afterAll, beforeAll, expect, it } from "vitest";
import {
  type FaultFeed,
  type FaultPlanet,
  readHealth,
  readPostTitles,
  startFaultPlanet,
} from "../helpers/fault-planet.ts";
import { postTitles } from "../helpers/fault-server.ts";

// Per-request timeouts far longer than the run's deadline: only the deadline can stop the
// hung hosts, and the build must go on with what it has when it does.
const NOW = "2017-04-01T10:00:00.000Z";
const HUNG = ["hang1", "hang2", "drip"];
const HEALTHY = ["ada", "ben", "cleo"];
const feeds: FaultFeed[] = [
  { name: "hang1", fault: "never-answers" },
  { name: "hang2", fault: "never-answers" },
  { name: "drip", fault: "trickle" },
  ...HEALTHY.map((name): FaultFeed => ({ name, fault: "feed" })),
  { name: "slowpoke", fault: "slow" },
];
const patient = { timeoutSeconds: 120, deadlineSeconds: 2 };

let planet: FaultPlanet;
beforeAll(async () => {
  planet = await startFaultPlanet(feeds, { now: NOW, fetch: patient });
});
afterAll(() => planet.close());

it("cuts off hung hosts at the run's deadline and builds with everything else", async () => {
  const { outDir, ms } = await planet.build();
  expect(ms).toBeLessThan(60_000);
  const health = await readHealth(outDir);
  for (const name of HUNG) {
    expect(health.get(name), name).toMatchObject({
      ok: false,
      error: { kind: "deadline", message: "the run's deadline passed before the fetch finished" },
    });
  }
  for (const name of [...HEALTHY, "slowpoke"]) expect(health.get(name)?.ok, name).toBe(true);
  const expected = [...HEALTHY, "slowpoke"].flatMap((name) => postTitles(name, 2));
  expect((await readPostTitles(outDir)).toSorted()).toEqual(expected.toSorted());
}, 120_000);

it("keeps the last good copy of feeds queued behind hung hosts when the deadline comes", async () => {
  // Two slots, both taken by hung hosts listed first: the others start only after the deadline.
  planet.hosts.set("slowpoke", "feed-updated");
  await planet.writeConfig(
    feeds.map(({ name }) => name),
    { ...patient, concurrency: 2 },
  );
  const { outDir } = await planet.build({ now: new Date("2017-04-01T11:00:00.000Z") });
  const health = await readHealth(outDir);
  expect(health.get("slowpoke")).toMatchObject({
    ok: false,
    error: { kind: "deadline" },
    items: 2,
  });
  expect(planet.hosts.requests("slowpoke")).toHaveLength(1);
  const expected = [...HEALTHY, "slowpoke"].flatMap((name) => postTitles(name, 2));
  expect((await readPostTitles(outDir)).toSorted()).toEqual(expected.toSorted());
}, 120_000);
