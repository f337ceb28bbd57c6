import type { CalendarPath } from "../events/select-calendars.ts";
import { planetUrl, type Site } from "../model/site.ts";

/** The calendars a reader can subscribe to, with a label each. */
export const CALENDARS: ReadonlyArray<{ path: CalendarPath; label: string }> = [
  { path: "events.ics", label: "All events" },
  { path: "events/sprints.ics", label: "Sprints" },
  { path: "events/release-parties.ics", label: "Release parties" },
  { path: "events/talks.ics", label: "Talks" },
];

/** The calendar's https URL, and the webcal: one that calendar apps open as a subscription. */
export function calendarUrls(site: Site, path: CalendarPath): { https: string; webcal: string } {
  const https = planetUrl(site, path);
  return { https, webcal: https.replace(/^https?:/, "webcal:") };
}
