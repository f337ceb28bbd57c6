import { renderCalendar } from "../events/render-calendar.ts";
import { selectCalendars } from "../events/select-calendars.ts";
import { planetUrl, type Site } from "../model/site.ts";
import { CALENDARS } from "../site/calendar-links.ts";

/** events.ics and the per-kind calendars, by path under dist/. */
export function renderCalendars(site: Site): Record<string, string> {
  const selected = selectCalendars(site.events);
  const { title, description } = site.config;
  return Object.fromEntries(
    CALENDARS.map(({ path, label }) => [
      path,
      renderCalendar(selected[path], {
        name: path === "events.ics" ? title : `${title}: ${label.toLowerCase()}`,
        description: description || `Events of ${title}`,
        url: planetUrl(site, path),
        now: site.now,
      }),
    ]),
  );
}
