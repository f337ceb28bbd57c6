import { renderCalendar } from "../events/render-calendar.ts";
import { selectCalendars } from "../events/select-calendars.ts";
import { planetUrl, type Site } from "../model/site.ts";
import { eventPages } from "../site/event-pages.ts";

/** events.ics and the per-kind calendars, by path under dist/. */
export function renderCalendars(site: Site): Record<string, string> {
  const { title, description } = site.config;
  return Object.fromEntries(
    selectCalendars(site.events).map(({ file, events }) => [
      file.path,
      renderCalendar(events, {
        name: file.kind === null ? title : `${title}: ${file.label.toLowerCase()}`,
        description: description || `Events of ${title}`,
        url: planetUrl(site, file.path),
        now: site.now,
      }),
    ]),
  );
}

/** The file name of an event page's own calendar, beside the page. */
export const EVENT_CALENDAR_FILE = "event.ics";

/**
 * One calendar per event page, `events/<slug>/event.ics`, holding the occurrence the page shows
 * as the one VEVENT, with the UID it has in events.ics: importing both gives one event, not two.
 */
export function renderEventCalendars(site: Site): Record<string, string> {
  return Object.fromEntries(
    eventPages(site).map(({ slug, event }) => {
      const path = `events/${slug}/${EVENT_CALENDAR_FILE}`;
      const calendar = renderCalendar([event], {
        name: event.title,
        description: `${event.source} on ${site.config.title}`,
        url: planetUrl(site, path),
        now: site.now,
      });
      return [path, calendar];
    }),
  );
}
