import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { hostOfUrl, runBounded } from "../../src/fetch/run-bounded.ts";

describe("runBounded", () => {
  it("returns results in input order whatever order they finish in", async () => {
    const items = [50, 5, 30, 0, 20];
    const results = await runBounded(
      items,
      () => "h",
      async (ms) => {
        await sleep(ms);
        return ms * 2;
      },
      { concurrency: 3, perHost: 3 },
    );
    expect(results).toEqual([100, 10, 60, 0, 40]);
  });

  it("never runs more than `concurrency` jobs at once", async () => {
    let active = 0;
    let peak = 0;
    const items = Array.from({ length: 12 }, (_, i) => i);
    await runBounded(
      items,
      (i) => `host-${i}`,
      async () => {
        active++;
        peak = Math.max(peak, active);
        await sleep(10);
        active--;
      },
      { concurrency: 3, perHost: 4 },
    );
    expect(peak).toBe(3);
  });

  it("rejects when a job throws", async () => {
    const run = runBounded(
      [1, 2],
      () => "h",
      async (n) => {
        if (n === 2) throw new Error("boom");
        return n;
      },
      { concurrency: 2, perHost: 2 },
    );
    await expect(run).rejects.toThrow("boom");
  });

  it("resolves an empty list", async () => {
    expect(
      await runBounded(
        [],
        () => "h",
        async () => 1,
        { concurrency: 2, perHost: 1 },
      ),
    ).toEqual([]);
  });
});

describe("hostOfUrl", () => {
  it("keys a URL by host and port, and an unparsable one by itself", () => {
    expect(hostOfUrl("https://Blog.Example.org:8443/feed")).toBe("blog.example.org:8443");
    expect(hostOfUrl("not a url")).toBe("not a url");
  });
});
