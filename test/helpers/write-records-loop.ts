// Child process for the SIGKILL test: rewrites a few feed records in the cache dir argv[2] forever,
// each time with a different size, saying "ready" once every file exists.
import { openFeedCache } from "../../src/store/feed-cache.ts";
import { sampleRecord } from "./feed-record-sample.ts";

const dir = process.argv[2];
if (dir === undefined) throw new Error("usage: write-records-loop.ts <cache dir>");
const cache = openFeedCache(dir);
const urls = ["https://a.example/feed", "https://b.example/rss", "https://c.example/atom.xml"];
for (let round = 0; ; round++) {
  for (const url of urls) await cache.write(sampleRecord(url, 50 + ((round * 37) % 400)));
  if (round === 0) process.stdout.write("ready\n");
}
