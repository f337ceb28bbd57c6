/** What kind of gathering an event is; decides which per-kind calendar carries it. */
export type EventKind = "sprint" | "release-party" | "talk" | "meetup";

/** Every kind, in the order classification tries them (a "Release Sprint" is a sprint). */
export const EVENT_KINDS: readonly EventKind[] = ["sprint", "release-party", "talk", "meetup"];

/** Whether the source still plans the event. */
export type EventStatus = "confirmed" | "tentative" | "cancelled";

/**
 * One occurrence of an event from an event source, normalized. A recurring source event gives
 * one PlanetEvent per occurrence, all with the source's uid and each with its recurrenceId.
 */
export interface PlanetEvent {
  /** The source's UID (iCalendar) or the item's guid/link (RSS); shared by all occurrences. */
  uid: string;
  /** Plain text. */
  title: string;
  /** The real instant it starts; for all-day events UTC midnight of the first day. */
  start: Date;
  /** The real instant it ends (exclusive: for all-day events UTC midnight after the last day). */
  end: Date | null;
  /** True when the source gave dates without times. */
  allDay: boolean;
  /** IANA zone the times are local to, for showing them; null for all-day events. */
  timeZone: string | null;
  /** Plain text, or null. */
  location: string | null;
  /** The event's page, absolute http(s) only, or null. */
  url: string | null;
  /** Sanitized HTML (sanitizeContent): safe for set:html. */
  descriptionHtml: string;
  status: EventStatus;
  /** iCalendar SEQUENCE (0 when the source gave none): raised by the source on each change. */
  sequence: number;
  /** The event source's name (feeds.json `events[].name`). */
  source: string;
  /** The event source's configured URL. */
  sourceUrl: string;
  kind: EventKind;
  /** When the source announced it (RSS item date, iCalendar CREATED, else DTSTAMP), or null. */
  announced: Date | null;
  /** When the source last changed it (RSS updated, iCalendar LAST-MODIFIED), or null. */
  updated: Date | null;
  /** ISO 8601 instant of the occurrence's original start, for occurrences of recurring events. */
  recurrenceId: string | null;
}

/** The identity of one occurrence within its source: uid, plus the recurrence if any. */
export function eventIdentity(event: Pick<PlanetEvent, "uid" | "recurrenceId">): string {
  return event.recurrenceId === null ? event.uid : `${event.uid}#${event.recurrenceId}`;
}
