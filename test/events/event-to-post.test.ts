import { describe, expect, it } from "vitest";
import { eventToPost } from "../../src/events/event-to-post.ts";
import { sampleEvent } from "./event-fixtures.ts";

const OPTIONS = {
  memberLink: "https://www.meetup.com/Munich-NixOS-Meetup/",
  firstSeen: new Date("2017-03-30T10:00:00Z"),
  language: "en",
};

describe("eventToPost", () => {
  it("is a post by the source, dated by the announcement", () => {
    const post = eventToPost(sampleEvent(), OPTIONS);
    expect(post).toMatchObject({
      member: "Munich NixOS Meetup",
      memberLink: OPTIONS.memberLink,
      feedUrl: sampleEvent().sourceUrl,
      title: "NixOS 17.03 Release Party",
      link: "https://www.meetup.com/Munich-NixOS-Meetup/events/238579447/",
      author: null,
      categories: ["release-party"],
      sourceId: "event_238579447@meetup.com",
    });
    expect(post.published?.toISOString()).toBe("2017-03-30T09:07:00.000Z");
    expect(post.firstSeen).toBe(OPTIONS.firstSeen);
  });

  it("shows description, then place, then the local start with its zone, then the link", () => {
    const html = eventToPost(sampleEvent(), OPTIONS).contentHtml;
    const order = [
      "Time to party",
      "Where: Mayflower GmbH",
      '<time datetime="2017-03-31T17:00:00.000Z">Friday, March 31, 2017',
      "(Europe/Berlin)</time>",
      '<a href="https://www.meetup.com/Munich-NixOS-Meetup/events/238579447/" rel="nofollow ugc noopener">',
    ].map((part) => html.indexOf(part));
    expect(order.every((index) => index >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(html).toMatch(/7:00\s?–\s?10:00\sPM/);
  });

  it("shows the time in the event's zone, not the machine's", () => {
    const tokyo = sampleEvent({ timeZone: "Asia/Tokyo", end: null });
    expect(eventToPost(tokyo, OPTIONS).contentHtml).toMatch(
      /Saturday, April 1, 2017.*2:00\sAM \(Asia\/Tokyo\)/,
    );
  });

  it("escapes place and title text exactly once", () => {
    const event = sampleEvent({
      location: 'Café <b>"Kosmos"</b> & Bar',
      title: "<script>x</script>",
    });
    const post = eventToPost(event, OPTIONS);
    expect(post.contentHtml).toContain(
      "Where: Café &lt;b&gt;&quot;Kosmos&quot;&lt;/b&gt; &amp; Bar",
    );
    expect(post.title).toBe("<script>x</script>");
  });

  it("marks a cancelled event in title and content", () => {
    const post = eventToPost(sampleEvent({ status: "cancelled", sequence: 3 }), OPTIONS);
    expect(post.title).toBe("Cancelled: NixOS 17.03 Release Party");
    expect(post.contentHtml).toMatch(/^<p><strong>Cancelled\.<\/strong><\/p>/);
  });

  it("marks an event the source changed as updated, keeping its title", () => {
    const post = eventToPost(sampleEvent({ sequence: 1 }), OPTIONS);
    expect(post.title).toBe("NixOS 17.03 Release Party");
    expect(post.contentHtml).toMatch(/^<p><strong>Updated\.<\/strong><\/p>/);
  });

  it("shows all-day events as dates", () => {
    const sprint = sampleEvent({
      allDay: true,
      timeZone: null,
      start: new Date("2017-03-25T00:00:00Z"),
      end: new Date("2017-03-27T00:00:00Z"),
    });
    const html = eventToPost(sprint, OPTIONS).contentHtml;
    expect(html).toContain('<time datetime="2017-03-25">Saturday, March 25');
    expect(html).toContain("Sunday, March 26, 2017</time>");
    expect(html).not.toContain("AM");
  });

  it("gives each occurrence its own stable key", () => {
    const first = sampleEvent({ recurrenceId: "2017-03-09T18:00:00.000Z" });
    const second = sampleEvent({ recurrenceId: "2017-03-23T18:00:00.000Z" });
    const keys = [first, second, first].map((event) => eventToPost(event, OPTIONS).key);
    expect(keys[0]).not.toBe(keys[1]);
    expect(keys[2]).toBe(keys[0]);
    expect(keys[0]).toMatch(/^[0-9a-f]{24}$/);
  });

  it("leaves out what the event does not have", () => {
    const bare = sampleEvent({ location: null, url: null, descriptionHtml: "" });
    const post = eventToPost(bare, { ...OPTIONS, language: "not a language!" });
    expect(post.link).toBeNull();
    expect(post.contentHtml).not.toContain("Where:");
    expect(post.contentHtml).not.toContain("<a ");
    expect(post.contentHtml).toContain("<time");
  });
});
