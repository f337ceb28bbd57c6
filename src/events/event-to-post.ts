import { eventIdentity, type PlanetEvent } from "../model/event.ts";
import type { Post } from "../model/post.ts";
import { escapeHtml } from "../text/escape-html.ts";
import { sha256Hex } from "../text/sha256.ts";
import { eventDatetimeAttribute, formatEventTime } from "./format-event-time.ts";

/** What turning an event into its announcement post needs besides the event. */
export interface EventPostOptions {
  /** The source's site (feeds.json `link`), or null. */
  memberLink: string | null;
  /** When the planet first saw this event (kept in the cache). */
  firstSeen: Date;
  /** The planet's language, for the date and time. */
  language: string;
}

/** The post key of an event: stable across builds, from the source URL and the event's identity. */
export function eventPostKey(event: PlanetEvent): string {
  return sha256Hex(`${event.sourceUrl}\n${eventIdentity(event)}`, 24);
}

/**
 * The event's announcement in the stream: a post by its source, dated when it was announced,
 * showing its description, place, local start with zone and a link. A cancelled event's title
 * says so; an event the source changed since (SEQUENCE above 0) is marked "Updated".
 */
export function eventToPost(event: PlanetEvent, options: EventPostOptions): Post {
  const cancelled = event.status === "cancelled";
  return {
    key: eventPostKey(event),
    sourceId: eventIdentity(event),
    feedUrl: event.sourceUrl,
    member: event.source,
    memberLink: options.memberLink,
    title: cancelled ? `Cancelled: ${event.title}` : event.title,
    link: event.url,
    published: event.announced,
    updated: event.updated,
    firstSeen: options.firstSeen,
    author: null,
    contentHtml: announcementHtml(event, options.language),
    categories: [event.kind],
  };
}

function announcementHtml(event: PlanetEvent, language: string): string {
  const parts: string[] = [];
  if (event.status === "cancelled") parts.push("<p><strong>Cancelled.</strong></p>");
  else if (event.sequence > 0) parts.push("<p><strong>Updated.</strong></p>");
  if (event.descriptionHtml.trim() !== "") parts.push(event.descriptionHtml);
  if (event.location !== null) parts.push(`<p>Where: ${escapeHtml(event.location)}</p>`);
  const datetime = escapeHtml(eventDatetimeAttribute(event));
  const when = escapeHtml(formatEventTime(event, language));
  parts.push(`<p>When: <time datetime="${datetime}">${when}</time></p>`);
  if (event.url !== null) {
    const href = escapeHtml(event.url);
    parts.push(`<p><a href="${href}" rel="nofollow ugc noopener">${href}</a></p>`);
  }
  return parts.join("\n");
}
