import { describe, expect, it } from "vitest";
import { keepNewestItems } from "../../src/parse/newest-items.ts";
import { parseFeed } from "../../src/parse/parse-feed.ts";
import { POSTS_KEPT_PER_FEED } from "../../src/store/feed-record.ts";

const day = (n: number) => new Date(Date.UTC(2017, 0, 1) + n * 86_400_000);

describe("keepNewestItems", () => {
  it("keeps everything, in order, when the feed is within the limit", () => {
    expect(keepNewestItems([3, 1, 2], (n) => day(n), 3)).toEqual({ kept: [3, 1, 2], omitted: 0 });
  });

  it("keeps the newest by date, in the feed's own order, and counts the rest", () => {
    const items = [5, 9, 1, 7, 3];
    expect(keepNewestItems(items, (n) => day(n), 3)).toEqual({ kept: [5, 9, 7], omitted: 2 });
  });

  it("counts undated items as the newest (as the cache orders them) and breaks ties by order", () => {
    const items = ["a", "undated", "b", "c"];
    const dates: Record<string, Date | null> = { a: day(1), undated: null, b: day(1), c: day(0) };
    expect(keepNewestItems(items, (item) => dates[item] ?? null, 2).kept).toEqual(["a", "undated"]);
  });
});

/** An RSS feed listing `count` items, oldest first, as some exporters write them. */
function hugeRss(count: number): string {
  const items = Array.from({ length: count }, (_, i) => {
    const date = day(i).toUTCString();
    return `<item><title>Post ${i}</title><link>https://big.example/${i}</link><pubDate>${date}</pubDate></item>`;
  });
  return `<?xml version="1.0"?><rss version="2.0"><channel><title>Big</title>${items.join("")}</channel></rss>`;
}

describe("parseFeed reads only the newest entries the cache keeps", () => {
  it("maps the newest of a feed of thousands and reports how many it left out", () => {
    const outcome = parseFeed(hugeRss(POSTS_KEPT_PER_FEED + 2_000));
    if (!outcome.ok) throw new Error(outcome.error.message);
    const { entries, omittedEntries } = outcome.feed;
    expect(entries).toHaveLength(POSTS_KEPT_PER_FEED);
    expect(omittedEntries).toBe(2_000);
    expect(entries[0]?.title).toBe("Post 2000");
    expect(entries.at(-1)?.title).toBe(`Post ${POSTS_KEPT_PER_FEED + 1_999}`);
  });

  it("does the same for Atom and JSON Feed", () => {
    const count = POSTS_KEPT_PER_FEED + 5;
    const entries = Array.from(
      { length: count },
      (_, i) =>
        `<entry><id>urn:e${i}</id><title>E${i}</title><updated>${day(count - i).toISOString()}</updated></entry>`,
    );
    const atom = parseFeed(
      `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>A</title>${entries.join("")}</feed>`,
    );
    const items = Array.from({ length: count }, (_, i) => ({
      id: `j${i}`,
      content_text: "x",
      date_published: day(i).toISOString(),
    }));
    const json = parseFeed(
      JSON.stringify({ version: "https://jsonfeed.org/version/1.1", title: "J", items }),
    );
    if (!atom.ok || !json.ok) throw new Error("expected both feeds to parse");
    expect([atom.feed.entries.length, atom.feed.omittedEntries]).toEqual([POSTS_KEPT_PER_FEED, 5]);
    expect(atom.feed.entries.at(-1)?.id).toBe(`urn:e${POSTS_KEPT_PER_FEED - 1}`);
    expect([json.feed.entries.length, json.feed.omittedEntries]).toEqual([POSTS_KEPT_PER_FEED, 5]);
    expect(json.feed.entries[0]?.id).toBe("j5");
  });

  it("leaves an ordinary feed whole", () => {
    const outcome = parseFeed(hugeRss(3));
    expect(outcome.ok && [outcome.feed.entries.length, outcome.feed.omittedEntries]).toEqual([
      3, 0,
    ]);
  });
});
