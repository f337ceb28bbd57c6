import type { EventKind } from "../model/event.ts";

/** How each kind of event is named on the pages. */
export const KIND_LABELS: Record<EventKind, string> = {
  sprint: "Sprint",
  "release-party": "Release party",
  talk: "Talk",
  meetup: "Meetup",
};
