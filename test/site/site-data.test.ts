import { afterEach, expect, it } from "vitest";
import { handedOffSiteData, handOffSiteData, type SiteData } from "../../src/site/site-data.ts";
import { adaPost, sampleSite } from "../helpers/sample-site.ts";

const data = (title: string): SiteData => {
  const site = sampleSite({
    posts: [adaPost(1, { title }), adaPost(2, { updated: new Date("2025-02-03T04:05:06Z") })],
  });
  return { site, health: { feeds: [], events: [] } };
};

afterEach(() => handOffSiteData(null));

it("hands the site to the pages as the same object, and takes it back", () => {
  const handed = data("One");
  handOffSiteData(handed);
  expect(handedOffSiteData()).toBe(handed);
  handOffSiteData(null);
  expect(handedOffSiteData()).toBeNull();
});

it("refuses a second hand-off while a render is in progress, keeping the first", () => {
  const first = data("One");
  handOffSiteData(first);
  expect(() => handOffSiteData(data("Two"))).toThrow(/one site at a time/);
  expect(handedOffSiteData()).toBe(first);
});
