import { basicFormat } from "../events/render-calendar.ts";
import type { CalendarPath } from "../events/select-calendars.ts";
import type { PlanetEvent } from "../model/event.ts";
import { planetUrl, type Site } from "../model/site.ts";
import { htmlToText } from "../text/html-to-text.ts";

/** The calendar's https URL, and the webcal: one that calendar apps open as a subscription. */
export function calendarUrls(site: Site, path: CalendarPath): { https: string; webcal: string } {
  const https = planetUrl(site, path);
  return { https, webcal: https.replace(/^https?:/, "webcal:") };
}

/** The event's end for "add to calendar" links: its own, else its start (a day, if all day). */
function endOf(event: PlanetEvent): Date {
  if (event.end !== null) return event.end;
  return event.allDay ? new Date(event.start.getTime() + 24 * 3600 * 1000) : event.start;
}

/** The text of an "add to calendar" entry: the description, then the event's page on the planet. */
function details(event: PlanetEvent, pageUrl: string): string {
  const text = htmlToText(event.descriptionHtml);
  return text === "" ? pageUrl : `${text}\n\n${pageUrl}`;
}

/** Google Calendar's "add event" form filled with the event (times in UTC, dates if all day). */
export function googleCalendarUrl(event: PlanetEvent, pageUrl: string): string {
  const url = new URL("https://calendar.google.com/calendar/render");
  url.searchParams.set("action", "TEMPLATE");
  url.searchParams.set("text", event.title);
  const dates = [event.start, endOf(event)].map((d) => basicFormat(d.toISOString(), event.allDay));
  url.searchParams.set("dates", dates.join("/"));
  url.searchParams.set("details", details(event, pageUrl));
  if (event.location !== null) url.searchParams.set("location", event.location);
  return url.href;
}

/** Outlook on the web's "new event" form filled with the event. */
export function outlookCalendarUrl(event: PlanetEvent, pageUrl: string): string {
  const url = new URL("https://outlook.live.com/calendar/0/deeplink/compose");
  url.searchParams.set("path", "/calendar/action/compose");
  url.searchParams.set("rru", "addevent");
  url.searchParams.set("subject", event.title);
  const day = (d: Date) => d.toISOString().slice(0, 10);
  url.searchParams.set("startdt", event.allDay ? day(event.start) : event.start.toISOString());
  url.searchParams.set("enddt", event.allDay ? day(endOf(event)) : endOf(event).toISOString());
  url.searchParams.set("allday", String(event.allDay));
  url.searchParams.set("body", details(event, pageUrl));
  if (event.location !== null) url.searchParams.set("location", event.location);
  return url.href;
}
