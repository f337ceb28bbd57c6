import { describe, expect, it } from "vitest";
import type { PlanetEvent } from "../../src/model/event.ts";
import { eventJsonLd, schemaDate, scriptJson } from "../../src/site/event-json-ld.ts";
import { eventPageHref, eventPages } from "../../src/site/event-pages.ts";
import { sampleEvent } from "../events/event-fixtures.ts";
import { sampleSite } from "../helpers/sample-site.ts";

/** Weekly occurrences of one series, the n-th starting `n` weeks after 2 March 2017 19:00 UTC. */
function weekly(count: number, fields: Partial<PlanetEvent> = {}): PlanetEvent[] {
  return Array.from({ length: count }, (_, n) => {
    const start = new Date(Date.UTC(2017, 2, 2 + 7 * n, 18));
    return sampleEvent({
      uid: "office-hours@nixos-munich.example",
      title: "Nix office hours",
      start,
      end: new Date(start.getTime() + 2 * 3600_000),
      recurrenceId: start.toISOString(),
      ...fields,
    });
  });
}

function siteAt(now: string, events: PlanetEvent[]) {
  return { ...sampleSite({ members: [] }), now: new Date(now), events };
}

describe("eventPages", () => {
  it("gives a series one page showing its next occurrence, or its last when all are past", () => {
    const series = weekly(4);
    const [next] = eventPages(siteAt("2017-03-12T00:00:00Z", series));
    expect(next?.event.start.toISOString()).toBe("2017-03-16T18:00:00.000Z");
    const [last] = eventPages(siteAt("2017-06-01T00:00:00Z", series));
    expect(last?.event.start.toISOString()).toBe("2017-03-23T18:00:00.000Z");
    expect(eventPages(siteAt("2017-03-12T00:00:00Z", series))).toHaveLength(1);
  });

  it("keeps a page's slug from build to build, even when the next occurrence is retitled", () => {
    const series = weekly(4);
    const moved = series.map((event, n) =>
      n === 2 ? { ...event, title: "Nix office hours (room 2)" } : event,
    );
    const slugs = ["2017-03-01T00:00:00Z", "2017-03-12T00:00:00Z", "2017-03-20T00:00:00Z"].map(
      (now) => eventPages(siteAt(now, moved))[0]?.slug,
    );
    expect(new Set(slugs).size).toBe(1);
    expect(slugs[0]).toMatch(/^nix-office-hours-[0-9a-f]{8}$/);
  });

  it("gives two events of one title two pages, and links every occurrence to its page", () => {
    const a = sampleEvent({ uid: "a@example.org", title: "Meetup" });
    const b = sampleEvent({ uid: "b@example.org", title: "Meetup" });
    const site = siteAt("2017-03-01T00:00:00Z", [a, b, ...weekly(2)]);
    const pages = eventPages(site);
    expect(new Set(pages.map((page) => page.slug)).size).toBe(3);
    expect(eventPageHref(site, b)).toBe(`/events/${pages.find((p) => p.event === b)?.slug}/`);
  });
});

describe("eventJsonLd", () => {
  it("writes start and end in the event's own zone with their UTC offset", () => {
    const event = sampleEvent({ timeZone: "America/New_York" });
    expect(schemaDate(event.start, event)).toBe("2017-03-31T13:00:00-04:00");
    expect(schemaDate(new Date("2017-01-31T17:00:00Z"), event)).toBe("2017-01-31T12:00:00-05:00");
    expect(schemaDate(event.start, sampleEvent({ timeZone: "Asia/Kolkata" }))).toBe(
      "2017-03-31T22:30:00+05:30",
    );
  });

  it("cannot close its script element, whatever a title or description says", () => {
    const event = sampleEvent({
      title: "</script><script>alert(1)</script>",
      descriptionHtml: "<p>&lt;!-- x</p>",
    });
    const site = siteAt("2017-03-01T00:00:00Z", [event]);
    const [page] = eventPages(site);
    if (page === undefined) throw new Error("no page");
    const json = scriptJson(eventJsonLd(site, page, null));
    expect(json).not.toMatch(/</);
    expect(JSON.parse(json).name).toBe("</script><script>alert(1)</script>");
    expect(JSON.parse(json).description).toBe("<!-- x");
  });
});
