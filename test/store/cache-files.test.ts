import { describe, expect, it } from "vitest";
import {
  contentFileName,
  describeCacheFile,
  hashContent,
  stateFileName,
} from "../../src/store/cache-files.ts";

const URL_A = "https://a.example/feed?format=atom&x=ü";
const SHA = hashContent(new TextEncoder().encode("{}"));

describe("cache file names", () => {
  it("are short and safe for any URL, both files of one URL sharing its key", () => {
    expect(stateFileName(URL_A)).toMatch(/^[0-9a-f]{16}\.json$/);
    const key = stateFileName(URL_A).slice(0, 16);
    expect(contentFileName(URL_A, SHA)).toBe(`${key}.${SHA.slice(0, 16)}.content.json`);
    expect(stateFileName("https://b.example/")).not.toBe(stateFileName(URL_A));
  });

  it("tell state, content and set-aside files from everything else in the directory", () => {
    const key = stateFileName(URL_A).slice(0, 16);
    expect(describeCacheFile(stateFileName(URL_A))).toEqual({ key, kind: "state" });
    expect(describeCacheFile(contentFileName(URL_A, SHA))).toEqual({ key, kind: "content" });
    expect(describeCacheFile(`${contentFileName(URL_A, SHA)}.corrupt`)).toEqual({
      key,
      kind: "corrupt",
    });
    expect(describeCacheFile(`${stateFileName(URL_A)}.corrupt`)).toEqual({ key, kind: "corrupt" });
    for (const other of ["site-data.json", "rendered.json", ".lock", `.${key}.json.1.ab.tmp`]) {
      expect(describeCacheFile(other)).toBeNull();
    }
  });
});
