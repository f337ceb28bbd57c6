import { eventIdentity, type PlanetEvent } from "../model/event.ts";

/**
 * The keys that make two events the same event: the same uid (and occurrence), or the same
 * page (Meetup's iCalendar and RSS feeds of one group give the same event different uids).
 */
function identityKeys(event: PlanetEvent): string[] {
  const keys = [`uid\n${eventIdentity(event)}`];
  if (event.url !== null) keys.push(`url\n${event.url}\n${event.recurrenceId ?? ""}`);
  return keys;
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
    const keys = identityKeys(event);
    const slot = keys.map((key) => slotByKey.get(key)).find((index) => index !== undefined);
    if (slot === undefined) {
      for (const key of keys) slotByKey.set(key, kept.length);
      kept.push(event);
      continue;
    }
    const current = kept[slot];
    if (current !== undefined && isNewer(event, current)) kept[slot] = event;
    for (const key of keys) if (!slotByKey.has(key)) slotByKey.set(key, slot);
  }
  return kept;
}
