import { describe, expect, it } from "vitest";
import { createConsoleLog } from "../../src/cli/console-log.ts";

/** A stream that keeps what is written to it. */
function fakeStream(isTTY: boolean): { isTTY: boolean; text: string; write(s: string): void } {
  return {
    isTTY,
    text: "",
    write(s) {
      this.text += s;
    },
  };
}

describe("createConsoleLog", () => {
  it("in CI or a pipe, prints one line per stage and leaves the live counter out", () => {
    const stream = fakeStream(false);
    const { log, end } = createConsoleLog(stream);
    log("Fetching 2 feeds…");
    log("  1/2 feeds done, 0 failed", "progress");
    log("bob: HTTP 404 Not Found (https://bob.example/feed)");
    log("  2/2 feeds done, 1 failed", "progress");
    log("Fetched: 1 ok, 0 not modified, 1 failed");
    end();
    expect(stream.text).toBe(
      "Fetching 2 feeds…\nbob: HTTP 404 Not Found (https://bob.example/feed)\nFetched: 1 ok, 0 not modified, 1 failed\n",
    );
  });

  it("on a terminal, redraws the counter in place and prints other lines above it", () => {
    const stream = fakeStream(true);
    const { log, end } = createConsoleLog(stream);
    log("Fetching 2 feeds…");
    log("  1/2 feeds done, 0 failed", "progress");
    log("  2/2 feeds done, 0 failed", "progress");
    log("Fetched: 2 ok, 0 not modified, 0 failed");
    log("  tail", "progress");
    end();
    const clear = "\r\x1b[2K";
    expect(stream.text).toBe(
      `Fetching 2 feeds…\n${clear}  1/2 feeds done, 0 failed${clear}  2/2 feeds done, 0 failed` +
        `${clear}Fetched: 2 ok, 0 not modified, 0 failed\n${clear}  tail${clear}`,
    );
  });
});
