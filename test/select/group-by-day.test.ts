import { describe, expect, it } from "vitest";
import type { Post } from "../../src/model/post.ts";
import { dayKey, groupByDay } from "../../src/select/group-by-day.ts";
import { samplePost } from "../helpers/feed-record-sample.ts";

function postAt(iso: string): Post {
  return { ...samplePost("https://feeds.example.org/a", 0), key: iso, published: new Date(iso) };
}

const summary = (posts: Post[], timeZone: string) =>
  groupByDay(posts, timeZone).map((group) => [group.day, group.posts.map((p) => p.key)]);

describe("dayKey", () => {
  it("is the calendar date in the given time zone", () => {
    const instant = new Date("2017-03-13T23:30:00Z");
    expect(dayKey(instant, "UTC")).toBe("2017-03-13");
    expect(dayKey(instant, "Europe/Berlin")).toBe("2017-03-14");
    expect(dayKey(instant, "America/Los_Angeles")).toBe("2017-03-13");
    expect(dayKey(new Date("2017-03-14T10:00:00Z"), "Pacific/Kiritimati")).toBe("2017-03-15");
  });

  it("puts midnight in the day it starts", () => {
    expect(dayKey(new Date("2017-03-13T23:00:00Z"), "Europe/Berlin")).toBe("2017-03-14");
    expect(dayKey(new Date("2017-03-13T22:59:59.999Z"), "Europe/Berlin")).toBe("2017-03-13");
  });
});

describe("groupByDay", () => {
  it("groups sorted posts by day, newest day first", () => {
    const posts = [
      "2017-03-14T12:00:00Z",
      "2017-03-14T08:00:00Z",
      "2017-03-13T20:00:00Z",
      "2017-01-02T00:00:00Z",
    ].map(postAt);
    expect(summary(posts, "UTC")).toEqual([
      ["2017-03-14", ["2017-03-14T12:00:00Z", "2017-03-14T08:00:00Z"]],
      ["2017-03-13", ["2017-03-13T20:00:00Z"]],
      ["2017-01-02", ["2017-01-02T00:00:00Z"]],
    ]);
  });

  it("splits days at local midnight, not UTC midnight", () => {
    const posts = ["2017-03-13T23:30:00Z", "2017-03-13T22:30:00Z"].map(postAt);
    expect(summary(posts, "Europe/Berlin")).toEqual([
      ["2017-03-14", ["2017-03-13T23:30:00Z"]],
      ["2017-03-13", ["2017-03-13T22:30:00Z"]],
    ]);
    expect(summary(posts, "UTC")).toEqual([
      ["2017-03-13", ["2017-03-13T23:30:00Z", "2017-03-13T22:30:00Z"]],
    ]);
  });

  it("follows the offset change at daylight saving time", () => {
    // Berlin went from UTC+1 to UTC+2 at 01:00 UTC on 26 March 2017.
    const spring = ["2017-03-26T22:30:00Z", "2017-03-26T21:30:00Z", "2017-03-25T23:30:00Z"];
    expect(summary(spring.map(postAt), "Europe/Berlin")).toEqual([
      ["2017-03-27", ["2017-03-26T22:30:00Z"]],
      ["2017-03-26", ["2017-03-26T21:30:00Z", "2017-03-25T23:30:00Z"]],
    ]);
    // And back to UTC+1 at 01:00 UTC on 29 October 2017.
    const autumn = ["2017-10-29T23:30:00Z", "2017-10-29T22:30:00Z", "2017-10-28T22:30:00Z"];
    expect(summary(autumn.map(postAt), "Europe/Berlin")).toEqual([
      ["2017-10-30", ["2017-10-29T23:30:00Z"]],
      ["2017-10-29", ["2017-10-29T22:30:00Z", "2017-10-28T22:30:00Z"]],
    ]);
  });

  it("groups an undated post under the day it was first seen", () => {
    const undated: Post = {
      ...postAt("2017-03-14T00:00:00Z"),
      key: "undated",
      published: null,
      updated: null,
      firstSeen: new Date("2017-03-14T05:00:00Z"),
    };
    expect(summary([undated], "UTC")).toEqual([["2017-03-14", ["undated"]]]);
  });

  it("returns no groups for no posts", () => {
    expect(groupByDay([], "UTC")).toEqual([]);
  });
});
