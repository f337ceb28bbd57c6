// Child process for the lock tests: takes the cache lock in argv[2], says "locked", then waits to
// be killed.
import { acquireCacheLock } from "../../src/store/cache-lock.ts";

const dir = process.argv[2];
if (dir === undefined) throw new Error("usage: hold-cache-lock.ts <cache dir>");
await acquireCacheLock(dir, { waitMs: 0 });
process.stdout.write("locked\n");
setInterval(() => {}, 60_000);
