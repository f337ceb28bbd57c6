import { renderCalendar } from "../events/render-calendar.ts";
import { selectCalendars } from "../events/select-calendars.ts";
import { planetUrl, type Site } from "../model/site.ts";

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
