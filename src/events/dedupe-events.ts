import { eventIdentity, type PlanetEvent } from "../model/event.ts";

/** How an event is found again: the keys it is known by, and the keys it looks for. */
interface EventKeys {
  own: string[];
  seek: string[];
}

/**
 * An event is its uid (and occurrence): distinct events may share a page (two holidays linking
 * the same article), so a URL is no identity of its own. The one bridge is an event whose uid is
 * a page, as an RSS item's guid is: Meetup's RSS and iCalendar feeds of one group give the same
 * event the uids `https://www.meetup.com/…/events/238579447/` and `event_238579447@meetup.com`,
 * and the iCalendar one names that page as its URL.
 */
function keysOf(event: PlanetEvent): EventKeys {
  const uidKey = `uid\n${eventIdentity(event)}`;
  if (event.url === null) return { own: [uidKey], seek: [uidKey] };
  const pageKey = `page\n${event.url}\n${event.recurrenceId ?? ""}`;
  const pageAsUid = `uid\n${eventIdentity({ uid: event.url, recurrenceId: event.recurrenceId })}`;
  const seek = event.uid === event.url ? [uidKey, pageKey] : [uidKey, pageAsUid];
  return { own: [uidKey, pageKey], seek };
}

/** Whether `candidate` is a newer state of the event than `kept`: higher SEQUENCE, then later update. */
function isNewer(candidate: PlanetEvent, kept: PlanetEvent): boolean {
  if (candidate.sequence !== kept.sequence) return candidate.sequence > kept.sequence;
  const candidateUpdated = candidate.updated?.getTime() ?? Number.NEGATIVE_INFINITY;
  const keptUpdated = kept.updated?.getTime() ?? Number.NEGATIVE_INFINITY;
  return candidateUpdated > keptUpdated;
}

/**
 * Keeps one copy of each event that arrives more than once (from two sources, or twice in one):
 * the one with the higher SEQUENCE, then the later LAST-MODIFIED, then the first given. The
 * result keeps the order of first appearance.
 */
export function dedupeEvents(events: readonly PlanetEvent[]): PlanetEvent[] {
  const kept: PlanetEvent[] = [];
  const slotByKey = new Map<string, number>();
  for (const event of events) {
    const keys = keysOf(event);
    const slot = keys.seek.map((key) => slotByKey.get(key)).find((index) => index !== undefined);
    if (slot === undefined) {
      for (const key of keys.own) if (!slotByKey.has(key)) slotByKey.set(key, kept.length);
      kept.push(event);
      continue;
    }
    const current = kept[slot];
    if (current !== undefined && isNewer(event, current)) kept[slot] = event;
    for (const key of keys.own) if (!slotByKey.has(key)) slotByKey.set(key, slot);
  }
  return kept;
}
