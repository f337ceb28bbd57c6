import type { CalendarPath } from "../events/select-calendars.ts";
import { planetUrl, type Site } from "../model/site.ts";

/** The calendar's https URL, and the webcal: one that calendar apps open as a subscription. */
export function calendarUrls(site: Site, path: CalendarPath): { https: string; webcal: string } {
  const https = planetUrl(site, path);
  return { https, webcal: https.replace(/^https?:/, "webcal:") };
}
