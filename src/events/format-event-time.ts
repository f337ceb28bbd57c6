import type { PlanetEvent } from "../model/event.ts";
import { dateTimeFormat } from "../text/date-time-format.ts";

const DAY_MS = 24 * 3600 * 1000;

/** A BCP 47 tag Intl accepts: the planet's language, else English. */
function localeOf(language: string): string {
  try {
    return Intl.getCanonicalLocales(language)[0] ?? "en";
  } catch {
    return "en";
  }
}

/**
 * When an event happens, in its own zone and the planet's language, e.g.
 * "Friday, March 31, 2017, 7:00 – 10:00 PM (Europe/Berlin)"; all-day events as dates only
 * ("Saturday, March 25 – Sunday, March 26, 2017").
 */
export function formatEventTime(event: PlanetEvent, language: string): string {
  const locale = localeOf(language);
  if (event.allDay) {
    const format = dateTimeFormat(locale, { dateStyle: "full", timeZone: "UTC" });
    // All-day ends are exclusive: the last day is the one before.
    const lastDay = event.end === null ? event.start : new Date(event.end.getTime() - DAY_MS);
    return lastDay > event.start
      ? format.formatRange(event.start, lastDay)
      : format.format(event.start);
  }
  const timeZone = event.timeZone ?? "UTC";
  const format = dateTimeFormat(locale, {
    weekday: "long",
    year: "numeric",
    month: "long",
    day: "numeric",
    hour: "numeric",
    minute: "2-digit",
    timeZone,
  });
  const when =
    event.end !== null && event.end > event.start
      ? format.formatRange(event.start, event.end)
      : format.format(event.start);
  return `${when} (${timeZone})`;
}

/** The machine-readable start for `<time datetime>`: the UTC instant, or the date of an all-day event. */
export function eventDatetimeAttribute(event: PlanetEvent): string {
  return event.allDay ? event.start.toISOString().slice(0, 10) : event.start.toISOString();
}
