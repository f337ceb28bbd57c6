import { copyFile, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { XMLParser } from "fast-xml-parser";
import ICAL from "ical.js";
import { parseHTML } from "linkedom";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CALENDAR_FILES } from "../../src/events/select-calendars.ts";
import { type FixturePlanet, ROOT, readTree, startFixturePlanet } from "../helpers/site-build.ts";

// The Munich meetup's RSS (served) and a hand-kept calendar read as a local file beside feeds.json.
const NOW = "2017-03-31T12:00:00Z";
let planet: FixturePlanet;
let tree: Map<string, string>;

beforeAll(async () => {
  planet = await startFixturePlanet("events-planet", NOW);
  await copyFile(
    join(ROOT, "test/fixtures/events-planet/community.ics"),
    join(planet.work, "community.ics"),
  );
  const config = JSON.parse(await readFile(planet.env.configPath, "utf8"));
  config.events[1].url = "community.ics";
  await writeFile(planet.env.configPath, JSON.stringify(config));
  await planet.build();
  tree = await readTree(planet.env.outDir);
}, 120_000);
afterAll(() => planet.close());

const page = (path: string) => parseHTML(tree.get(path) ?? "").document;

/** Every VEVENT of a produced calendar, as ical.js reads it back. */
function readCalendar(path: string): ICAL.Event[] {
  const calendar = new ICAL.Component(ICAL.parse(tree.get(path) ?? ""));
  return calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
}

describe("event announcements in the stream", () => {
  it("stand among the blog posts by their announcement date, by their source, as on the seed page", () => {
    const entries = [...page("index.html").querySelectorAll(".h-entry")];
    const titles = entries.map((entry) => entry.querySelector(".post-title")?.textContent);
    expect(titles.slice(0, 2)).toEqual(["NixOS 17.03 Release Party", "NixOS 17.03 Release Sprint"]);
    expect(entries[0]?.querySelector(".p-author")?.textContent?.trim()).toBe("Munich NixOS Meetup");
    // Announced Thu, 30 Mar 2017 05:07:21 EDT: 11:07 in Munich.
    expect(entries[0]?.querySelector("time.dt-published")?.getAttribute("datetime")).toBe(
      "2017-03-30T09:07:21.000Z",
    );
    expect(entries[0]?.querySelector(".e-content")?.textContent).toContain(
      "Friday, March 31, 2017",
    );
    const dates = entries.map(
      (e) => e.querySelector("time.dt-published")?.getAttribute("datetime") ?? "",
    );
    expect([...dates].sort().reverse()).toEqual(dates);
    expect(titles).toContain("Reconstructing Disnix deployments");
  });

  it("are in rss.xml too, at the same place", () => {
    const rss = new XMLParser().parse(tree.get("rss.xml") ?? "");
    const titles = rss.rss.channel.item.map((item: { title: string }) => item.title);
    expect(titles.slice(0, 2)).toEqual([
      "Munich NixOS Meetup: NixOS 17.03 Release Party",
      "Munich NixOS Meetup: NixOS 17.03 Release Sprint",
    ]);
  });

  it("announce a recurring series once, and hold back announcements dated after now", () => {
    const titles = [...page("index.html").querySelectorAll(".post-title")].map(
      (e) => e.textContent,
    );
    expect(titles.filter((title) => title === "Nix office hours")).toHaveLength(1);
    // Its DTSTAMP (no CREATED) is 2 April: not announced yet on 31 March.
    expect(titles).not.toContain("Lightning talks evening");
  });
});

describe("the events page", () => {
  it("lists upcoming events soonest first, then past ones most recent first, cancelled marked", () => {
    const [upcoming, past] = [...page("events/index.html").querySelectorAll(".event-list")];
    const starts = (section: Element | undefined) =>
      [...(section?.querySelectorAll("time.dt-start") ?? [])].map(
        (t) => t.getAttribute("datetime") ?? "",
      );
    const soon = starts(upcoming);
    expect(soon[0]).toBe("2017-03-31T17:00:00.000Z");
    expect([...soon].sort()).toEqual(soon);
    const before = starts(past);
    expect([...before].sort().reverse()).toEqual(before);
    expect(before[0]).toBe("2017-03-30T17:00:00.000Z");
    const cancelled = upcoming?.querySelector(".event.cancelled");
    expect(cancelled?.querySelector(".event-title")?.textContent).toBe("Augsburg NixOS Meetup");
    expect(cancelled?.textContent).toContain("Cancelled");
  });

  it("links every calendar by https and webcal", () => {
    const hrefs = [...page("events/index.html").querySelectorAll(".calendars a")].map((a) =>
      a.getAttribute("href"),
    );
    for (const { path } of CALENDAR_FILES) {
      expect(hrefs).toContain(`https://planet.example.org/${path}`);
      expect(hrefs).toContain(`webcal://planet.example.org/${path}`);
    }
  });

  it("shows the next events in the front page's sidebar", () => {
    const upcoming = page("index.html").querySelector(".upcoming");
    expect(upcoming?.querySelectorAll(".event")).toHaveLength(3);
    expect(upcoming?.querySelector(".event-title")?.textContent).toBe("NixOS 17.03 Release Party");
  });
});

describe("the calendars", () => {
  it("put the weekly office hours at 19:00 in Munich on both sides of the DST change", () => {
    const starts = readCalendar("events.ics")
      .filter((event) => event.summary.startsWith("Nix office hours"))
      .map((event) => event.startDate.toJSDate().toISOString())
      .sort();
    expect(starts).toEqual([
      "2017-03-09T18:00:00.000Z",
      "2017-03-23T18:00:00.000Z",
      "2017-03-30T17:00:00.000Z",
      "2017-04-06T18:00:00.000Z",
      "2017-04-13T17:00:00.000Z",
      // An RDATE adds one more.
      "2017-04-21T17:00:00.000Z",
    ]);
  });

  it("hold exactly their kind per file, keep cancellations, and keep UIDs across builds", async () => {
    const kinds = (path: string) =>
      readCalendar(path).map((event) => event.component.getFirstPropertyValue("categories"));
    for (const { path, kind } of CALENDAR_FILES) {
      if (kind !== null) expect(new Set(kinds(path)), path).toEqual(new Set([kind]));
    }
    const cancelled = readCalendar("events.ics").find((e) => e.summary === "Augsburg NixOS Meetup");
    expect(cancelled?.component.getFirstPropertyValue("status")).toBe("CANCELLED");

    const uids = readCalendar("events.ics")
      .map((event) => event.uid)
      .sort();
    await planet.build({ now: new Date("2017-03-31T12:30:00Z") });
    const again = new ICAL.Component(
      ICAL.parse(await readFile(join(planet.env.outDir, "events.ics"), "utf8")),
    );
    expect(
      again
        .getAllSubcomponents("vevent")
        .map((v) => new ICAL.Event(v).uid)
        .sort(),
    ).toEqual(uids);
    expect(new Set(uids).size).toBe(uids.length);
  }, 120_000);

  it("are RFC 5545 text: CRLF line ends and lines of at most 75 octets", () => {
    const text = tree.get("events.ics") ?? "";
    expect(text.endsWith("\r\n")).toBe(true);
    for (const line of text.split("\r\n")) {
      expect(line.includes("\n")).toBe(false);
      expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    }
  });
});

describe("event pages", () => {
  /** The page of the event the events page lists with this title, by its link there. */
  const eventPage = (title: string) => {
    const link = [...page("events/index.html").querySelectorAll(".event-title a")].find(
      (a) => a.textContent === title,
    );
    const href = link?.getAttribute("href") ?? "";
    expect(href).toMatch(/^\/events\/[a-z0-9-]+\/$/);
    return {
      path: `${href.slice(1)}index.html`,
      folder: href.slice(1),
      doc: page(`${href.slice(1)}index.html`),
    };
  };
  const jsonLdOf = (doc: Document) =>
    JSON.parse(doc.querySelector('script[type="application/ld+json"]')?.textContent ?? "{}");

  it("are one per event, not per occurrence, linked from the events page and the front page", () => {
    const hrefs = [...page("events/index.html").querySelectorAll(".event-title a")].map((a) =>
      a.getAttribute("href"),
    );
    const officeHours = [...page("events/index.html").querySelectorAll(".event-title a")]
      .filter((a) => a.textContent?.startsWith("Nix office hours"))
      .map((a) => a.getAttribute("href"));
    expect(officeHours.length).toBeGreaterThan(2);
    expect(new Set(officeHours).size).toBe(1);
    for (const href of hrefs.filter((h) => h?.startsWith("/events/"))) {
      expect(tree.has(`${href?.slice(1)}index.html`)).toBe(true);
    }
    const sidebar = [...page("index.html").querySelectorAll(".upcoming .event-title a")].map((a) =>
      a.getAttribute("href"),
    );
    expect(sidebar).toHaveLength(3);
    expect(sidebar.every((href) => hrefs.includes(href))).toBe(true);
    expect(tree.get("sitemap.xml")).toContain(`https://planet.example.org${officeHours[0]}`);
  });

  it("show a recurring event's next occurrence, in local time with its zone, and its place", () => {
    const { doc } = eventPage("NixOS Stammtisch");
    expect(doc.querySelector("h1")?.textContent).toBe("NixOS Stammtisch");
    const when = doc.querySelector(".event-facts time");
    // 31 March is a Friday: the weekly Stammtisch of Tuesday 28 March is over, 4 April is next.
    expect(when?.getAttribute("datetime")).toBe("2017-04-04T17:30:00.000Z");
    // Intl puts narrow no-break spaces around the dash and before PM.
    expect(when?.textContent?.replace(/\s/g, " ")).toBe(
      "Tuesday, April 4, 2017, 7:30 – 9:30 PM (Europe/Berlin)",
    );
    expect(doc.querySelector(".p-location")?.textContent).toBe("Augustiner Keller");
    expect(jsonLdOf(doc)).toMatchObject({
      "@context": "https://schema.org",
      "@type": "Event",
      name: "NixOS Stammtisch",
      startDate: "2017-04-04T19:30:00+02:00",
      endDate: "2017-04-04T21:30:00+02:00",
      eventStatus: "https://schema.org/EventScheduled",
      eventAttendanceMode: "https://schema.org/OfflineEventAttendanceMode",
      location: { "@type": "Place", name: "Augustiner Keller", address: "Augustiner Keller" },
      organizer: { "@type": "Organization", name: "Community calendar" },
    });
    expect(jsonLdOf(doc).url).toMatch(/^https:\/\/planet\.example\.org\/events\/nixos-stammtisch-/);
  });

  it("mark a cancelled event as cancelled, for readers and search engines", () => {
    const { doc } = eventPage("Augsburg NixOS Meetup");
    expect(doc.querySelector("h1")?.textContent).toBe("Cancelled: Augsburg NixOS Meetup");
    expect(doc.querySelector(".event-status")?.textContent).toContain("Cancelled");
    expect(jsonLdOf(doc).eventStatus).toBe("https://schema.org/EventCancelled");
  });

  it("give an online event a virtual location, and an all-day event dates", () => {
    const online = jsonLdOf(eventPage("The Nix expression language, explained (online)").doc);
    expect(online.eventAttendanceMode).toBe("https://schema.org/OnlineEventAttendanceMode");
    expect(online.location).toEqual({
      "@type": "VirtualLocation",
      url: "https://meet.nixos.example/nix-language",
    });
    const allDay = jsonLdOf(eventPage("Zero Hydra Failures sprint").doc);
    expect([allDay.startDate, allDay.endDate]).toEqual(["2017-03-25", "2017-03-26"]);
  });

  it("offer the event alone as .ics with the UID it has in events.ics, and calendar links", () => {
    const { doc, folder } = eventPage("NixOS Stammtisch");
    const download = doc.querySelector(".event-calendar-links a[download]")?.getAttribute("href");
    expect(download).toBe(`/${folder}event.ics`);
    const [single, ...others] = readCalendar(`${folder}event.ics`);
    expect(others).toEqual([]);
    const inEventsIcs = readCalendar("events.ics").filter(
      (event) => event.startDate.toJSDate().toISOString() === "2017-04-04T17:30:00.000Z",
    );
    expect(inEventsIcs.map((event) => event.uid)).toEqual([single?.uid]);
    const links = [...doc.querySelectorAll(".event-calendar-links a")].map(
      (a) => new URL(a.getAttribute("href") ?? "", "https://planet.example.org/"),
    );
    const google = links.find((url) => url.hostname === "calendar.google.com");
    expect(google?.searchParams.get("dates")).toBe("20170404T173000Z/20170404T193000Z");
    expect(google?.searchParams.get("text")).toBe("NixOS Stammtisch");
    const outlook = links.find((url) => url.hostname === "outlook.live.com");
    expect(outlook?.searchParams.get("startdt")).toBe("2017-04-04T17:30:00.000Z");
    expect(outlook?.searchParams.get("location")).toBe("Augustiner Keller");
  });

  // Last: it changes the calendar and builds again.
  it("render again when the event they show changes, and only then", async () => {
    const { path, folder } = eventPage("NixOS Stammtisch");
    const other = eventPage("Zero Hydra Failures sprint").path;
    const calendar = join(planet.work, "community.ics");
    const text = await readFile(calendar, "utf8");
    await writeFile(calendar, text.replace("Augustiner Keller", "Löwenbräukeller"));
    await planet.build();
    const rebuilt = await readTree(planet.env.outDir);
    expect(rebuilt.get(path)).toContain("Löwenbräukeller");
    expect(rebuilt.get(`${folder}event.ics`)).toContain("Löwenbräukeller");
    expect(rebuilt.get(other)).toBe(tree.get(other));
  }, 120_000);
});
