import * as z from "zod";

/** An absolute http(s) URL. */
const httpUrl = z.string({ error: "must be a string (a URL)" }).superRefine((value, ctx) => {
  if (!URL.canParse(value)) ctx.addIssue({ code: "custom", message: "not a URL" });
  else if (!isHttpUrl(value)) ctx.addIssue({ code: "custom", message: "not an http(s) URL" });
});

/** An IANA time zone name that this Node.js knows. */
const timeZone = z
  .string({ error: "must be a string (an IANA time zone such as Europe/Berlin)" })
  .refine((value) => isTimeZone(value), {
    message: "not an IANA time zone (e.g. Europe/Berlin, UTC)",
  });

const nonEmpty = (what: string) =>
  z
    .string({ error: `must be a string (${what})` })
    .trim()
    .min(1, `must not be empty (${what})`);

const filterWords = (what: string) =>
  z.array(nonEmpty(what), { error: "must be a list of strings" }).optional();

/** Which posts of a member's feed the planet takes: for a whole blog, only the on-topic ones. */
export const feedFilterSchema = z.strictObject({
  categories: filterWords("a category label").describe(
    "Keep a post filed under one of these categories or tags (case-insensitive, whole label).",
  ),
  keywords: filterWords("a keyword").describe(
    "Keep a post whose title or text has one of these words (case-insensitive, whole word).",
  ),
  exclude: filterWords("a word").describe(
    "Drop a post whose title or categories have one of these words, even if it matched.",
  ),
});

/** One member blog. */
export const feedSchema = z.strictObject({
  /** The member's name as shown on the page. */
  name: nonEmpty("the member's name").describe("The member's name as shown on the page."),
  /** RSS, Atom or JSON Feed URL. */
  url: httpUrl.describe("The feed: RSS 0.9x/1.0/2.0, Atom or JSON Feed."),
  /** The member's site; defaults to the link the feed gives. */
  link: httpUrl.optional().describe("The member's site; default: the link the feed gives."),
  /** Face image: a file in public/faces/ or an http(s) URL. */
  face: z.string().optional().describe("Face image: a file in public/faces/ or an http(s) URL."),
  /** Categories this member's posts are filed under. */
  categories: z
    .array(nonEmpty("a category"))
    .default([])
    .describe("Categories this member's posts are filed under."),
  /** Only the posts that pass it are shown; without one, every post. */
  filter: feedFilterSchema
    .optional()
    .describe(
      "Take only matching posts: any of `categories` or `keywords` (or all when neither is given), minus `exclude`.",
    ),
});

const eventKind = z.enum(["sprint", "release-party", "talk", "meetup"]);
const keywordList = z.array(nonEmpty("a keyword")).optional();

/** How a source's events are sorted into sprints, release parties, talks and meetups. */
export const kindRulesSchema = z.strictObject({
  defaultKind: eventKind.optional().describe("The kind of an event no keyword matches."),
  keywords: z
    .strictObject({
      sprint: keywordList,
      "release-party": keywordList,
      talk: keywordList,
      meetup: keywordList,
    })
    .optional()
    .describe(
      "Words in a title, description or category that decide the kind; these win over the built-in ones.",
    ),
});

/** One source of events: an iCalendar feed, a Meetup-style RSS feed or a local .ics file. */
export const eventSourceSchema = z.strictObject({
  name: nonEmpty("the event source's name").describe("Shown as the author of its announcements."),
  /** http(s) URL, or a path to a local .ics file. */
  url: nonEmpty("an iCalendar/RSS URL or a local .ics path").describe(
    "An iCalendar feed, a Meetup-style group RSS feed, or a local .ics path.",
  ),
  link: httpUrl.optional().describe("The group's page."),
  /** Time zone of times written without one (Meetup RSS, floating iCalendar times). */
  timezone: timeZone
    .optional()
    .describe("IANA zone of times written without one (Meetup RSS, floating iCalendar times)."),
  kinds: kindRulesSchema.optional(),
});

/**
 * Fetch tuning; the defaults suit planets up to several hundred feeds on a hundred hosts: up to
 * 256 requests in flight overall (a few hundred conditional GETs take one or two round trips),
 * a few per host, so no blog's server sees a burst.
 */
export const fetchSettingsSchema = z.strictObject({
  concurrency: z.number().int().min(1).max(1024).default(256),
  perHost: z.number().int().min(1).max(64).default(4),
  timeoutSeconds: z.number().positive().max(600).default(20),
  deadlineSeconds: z.number().positive().max(3600).default(300),
  maxMegabytes: z.number().positive().max(1024).default(15),
});

/** The whole feeds.json. */
export const configSchema = z.strictObject({
  $schema: z.string().optional(),
  title: nonEmpty("the planet's title"),
  link: httpUrl,
  description: z.string().default(""),
  language: z.string().trim().min(2).default("en"),
  timezone: timeZone.default("UTC"),
  owner: z
    .strictObject({ name: nonEmpty("the owner's name"), email: z.email().optional() })
    .optional(),
  /** Months of posts the site shows; older ones stay in the cache but leave every output. */
  keepMonths: z
    .number()
    .int()
    .min(1)
    .max(1200)
    .optional()
    .describe(
      "Show only posts dated within this many months: keeps a long-lived planet's site within a static host's size limit. Default: every post in the cache.",
    ),
  /** How many posts the front page shows, and an archive page holds. */
  postsPerPage: z.number().int().min(1).max(1000).default(60),
  /** Cut front-page posts after this many words, with a link to the rest; whole posts if unset. */
  truncateWords: z
    .number()
    .int()
    .min(1)
    .max(10000)
    .optional()
    .describe("Cut front-page posts after this many words, with a link to the rest."),
  /** Removed: search segments follow the archive pages. Named so its error says what to do. */
  postsPerSearchBundle: z
    .never({ error: "no longer used (the search index follows the archive pages): remove it" })
    .optional()
    .describe("No longer used: remove it."),
  /** How many upcoming events the front page lists. */
  upcomingEvents: z.number().int().min(0).max(100).default(5),
  fetch: fetchSettingsSchema.default(fetchSettingsSchema.parse({})),
  feeds: z.array(feedSchema, { error: "must be a list of feeds" }),
  events: z.array(eventSourceSchema).default([]),
  /** A WebSub hub: feeds name it, and each build tells it which feeds changed. */
  hub: httpUrl
    .optional()
    .describe(
      "A WebSub hub (e.g. https://pubsubhubbub.appspot.com/): the feeds name it, and after each build that changed a feed the hub is told, so readers get new posts at once.",
    ),
  /** Posts taken off the planet by their link or id (moderation). */
  hide: z
    .array(nonEmpty("a post link or id"), { error: "must be a list of post links or ids" })
    .default([])
    .describe("Posts (and events) taken off the planet: each by its link or its feed id."),
});

/** A validated configuration with every default filled in. */
export type PlanetConfig = z.infer<typeof configSchema>;
/** One validated member feed. */
export type FeedConfig = z.infer<typeof feedSchema>;
/** A member feed's filter. */
export type FeedFilter = z.infer<typeof feedFilterSchema>;
/** One validated event source. */
export type EventSourceConfig = z.infer<typeof eventSourceSchema>;

function isHttpUrl(value: string): boolean {
  const { protocol } = new URL(value);
  return protocol === "http:" || protocol === "https:";
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
