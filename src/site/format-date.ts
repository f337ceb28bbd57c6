import { dateTimeFormat } from "../text/date-time-format.ts";

/** "March 14, 2017" for a `YYYY-MM-DD` day key, in the planet's language. */
export function formatDay(day: string, language: string): string {
  return dateTimeFormat(language, { dateStyle: "long", timeZone: "UTC" }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

/** "March 14, 2017, 11:02 PM" for an instant, in the planet's language and time zone. */
export function formatDateTime(date: Date, language: string, timeZone: string): string {
  return dateTimeFormat(language, {
    dateStyle: "long",
    timeStyle: "short",
    timeZone,
  }).format(date);
}
