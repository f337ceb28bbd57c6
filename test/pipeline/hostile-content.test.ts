import { readdir, readFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { gunzipSync } from "node:zlib";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import ICAL from "ical.js";
import { type DefaultTreeAdapterMap, parse, parseFragment, serialize } from "parse5";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as z from "zod";
import { CALENDAR_FILES } from "../../src/events/select-calendars.ts";
import {
  CONTENT_SECURITY_POLICY,
  REFERRER_POLICY,
} from "../../src/site/content-security-policy.ts";
import {
  CALENDAR,
  EMBED_SRC,
  EXPECTED_POSTS,
  FEED_TITLES,
  MEMBER_LINKS,
  NOW,
  PRIVATE_ADDRESSES,
} from "../fixtures/hostile-planet/expectations.ts";
import { type FixturePlanet, startFixturePlanet } from "../helpers/site-build.ts";
import { findUnsafeMarkup } from "../sanitize/find-unsafe-markup.ts";

type Element = DefaultTreeAdapterMap["element"];
type ParentNode = DefaultTreeAdapterMap["parentNode"];

// The hostile planet is built once, end to end from feeds served on loopback; every test below
// reads what it wrote. Expected outcomes per post live in test/fixtures/hostile-planet/.
let planet: FixturePlanet;
let outputs: Map<string, string>;

beforeAll(async () => {
  planet = await startFixturePlanet("hostile-planet", NOW);
  await planet.build();
  outputs = await readOutputs(planet.env.outDir);
}, 60_000);
afterAll(() => planet.close());

/** Every file of dist/ as text; Pagefind's gzipped index files are unpacked so they are read too. */
async function readOutputs(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = await readFile(path);
    const gzipped = bytes[0] === 0x1f && bytes[1] === 0x8b;
    files.set(relative(dir, path), (gzipped ? gunzipSync(bytes) : bytes).toString("utf8"));
  }
  return files;
}

const output = (path: string): string => {
  const text = outputs.get(path);
  if (text === undefined) throw new Error(`dist/${path} was not written`);
  return text;
};
const pathsEnding = (suffix: string) => [...outputs.keys()].filter((p) => p.endsWith(suffix));

// --- reading HTML with parse5, the parser browsers follow ---

function attr(element: Element, name: string): string | undefined {
  return element.attrs.find((a) => a.name === name && a.prefix === undefined)?.value;
}

function hasClass(element: Element, name: string): boolean {
  return (attr(element, "class") ?? "").split(/\s+/).includes(name);
}

/** Every element under `node` in document order, template contents included. */
function elementsOf(node: ParentNode): Element[] {
  const found: Element[] = [];
  for (const child of node.childNodes) {
    if (!("tagName" in child)) continue;
    found.push(child, ...elementsOf("content" in child ? child.content : child));
  }
  return found;
}

function textOf(node: ParentNode): string {
  return node.childNodes
    .map((child) => ("value" in child ? child.value : "childNodes" in child ? textOf(child) : ""))
    .join("");
}

function isInside(element: Element, test: (ancestor: Element) => boolean): boolean {
  for (let node = element.parentNode; node !== null && "tagName" in node; node = node.parentNode) {
    if (test(node)) return true;
  }
  return false;
}

const PAGE_BASE = "https://planet.example.org/archive/";
const SCRIPT_SCHEMES = new Set(["javascript:", "vbscript:", "data:"]);
const URL_ATTRIBUTES = new Set([
  ...["href", "src", "action", "formaction", "poster", "data", "cite", "background"],
  ...["ping", "longdesc", "manifest", "codebase", "icon"],
]);
/** Link relations that make the browser fetch something. */
const LOADING_RELS = new Set(["stylesheet", "icon", "preload", "modulepreload", "prefetch"]);
const FORBIDDEN_ELEMENTS = new Set(["base", "object", "embed", "style", "applet", "frame"]);
const EMBED_SANDBOX = "allow-scripts allow-same-origin allow-presentation";

/** The URLs an attribute holds: one, or every candidate of a srcset. */
function urlsOf(name: string, value: string): string[] {
  if (name === "srcset") return value.split(",").map((c) => c.trim().split(/\s+/)[0] ?? "");
  return URL_ATTRIBUTES.has(name) ? [value] : [];
}

/**
 * An event page's JSON-LD: a data block the browser never runs, whole JSON with no `<` in it
 * (so no feed text can end the element or open a comment inside it).
 */
function isJsonLd(element: Element, names: string[]): boolean {
  if (names.join() !== "type" || attr(element, "type") !== "application/ld+json") return false;
  const text = textOf(element);
  if (text.includes("<")) return false;
  try {
    return typeof JSON.parse(text) === "object";
  } catch {
    return false;
  }
}

/** Problems with one element of a page, wherever it is. */
function checkElement(element: Element): string[] {
  const problems: string[] = [];
  const tag = element.tagName;
  if (FORBIDDEN_ELEMENTS.has(tag)) problems.push(`<${tag}> on the page`);
  for (const { name, value, prefix } of element.attrs) {
    const full = prefix ? `${prefix}:${name}` : name;
    if (name.startsWith("on")) problems.push(`<${tag}> has handler ${full}`);
    if (name === "style" || name === "srcdoc") problems.push(`<${tag}> has ${full}`);
    for (const url of urlsOf(name, value)) {
      const scheme = URL.parse(url.trim(), PAGE_BASE)?.protocol ?? "";
      if (SCRIPT_SCHEMES.has(scheme)) problems.push(`<${tag} ${full}> is a ${scheme} URL`);
    }
  }
  if (tag === "script") {
    const names = element.attrs.map((a) => a.name).sort();
    const search = attr(element, "src") === "/search.js" && names.join() === "src,type";
    if (!(search && !textOf(element)) && !isJsonLd(element, names)) {
      problems.push(`script other than the planet's search.js: ${serialize(element)}`);
    }
  }
  if (tag === "meta" && (attr(element, "http-equiv") ?? "").toLowerCase() === "refresh") {
    problems.push("<meta http-equiv=refresh>");
  }
  const loads = (attr(element, "rel") ?? "").split(/\s+/).some((rel) => LOADING_RELS.has(rel));
  if (tag === "link" && loads && !/^\/(?!\/)/.test(attr(element, "href") ?? "")) {
    problems.push(`<link> loads from elsewhere: ${attr(element, "href")}`);
  }
  const ownSearch = hasClass(element, "search-form") && element.attrs.length === 1;
  if (tag === "form" && !(ownSearch && isInside(element, (e) => e.tagName === "search"))) {
    problems.push(`a <form> other than the planet's search box: ${serialize(element)}`);
  }
  if (tag === "iframe") {
    const embedded = attr(element, "src") === EMBED_SRC;
    if (!embedded || attr(element, "sandbox") !== EMBED_SANDBOX) {
      problems.push(`<iframe> not a sandboxed allowlisted embed: ${attr(element, "src")}`);
    }
  }
  return problems;
}

/**
 * Problems with sanitized HTML from a feed: outside the sanitizer's allowlist (checked by an
 * independent list), a link without the forced rel, an image that is not lazy, referrer-free and
 * real, or anything the page-wide rules refuse.
 */
function checkFeedHtml(html: string): string[] {
  const problems = findUnsafeMarkup(html);
  for (const element of elementsOf(parseFragment(html))) {
    problems.push(...checkElement(element));
    if (element.tagName === "a" && attr(element, "rel") !== "nofollow ugc noopener") {
      problems.push(`<a> rel is ${attr(element, "rel")}: ${serialize(element)}`);
    }
    if (element.tagName !== "img") continue;
    const image = ["loading", "decoding", "referrerpolicy", "width", "height"].map((name) =>
      attr(element, name),
    );
    if (image.slice(0, 3).join() !== "lazy,async,no-referrer") {
      problems.push(`<img> not lazy, async and referrer-free: ${image.join()}`);
    }
    if (Number(image[3]) === 1 && Number(image[4]) === 1) problems.push("a 1×1 tracking pixel");
    if (attr(element, "src")?.includes("tracker.")) problems.push("an image from the tracker");
  }
  return problems;
}

/** Problems with the page's own policy: one CSP meta, the module's, before anything loads. */
function checkPolicies(elements: Element[]): string[] {
  const problems: string[] = [];
  const isPolicy = (e: Element) => attr(e, "http-equiv") === "Content-Security-Policy";
  const [policy, ...others] = elements.filter(isPolicy);
  if (
    policy === undefined ||
    others.length > 0 ||
    attr(policy, "content") !== CONTENT_SECURITY_POLICY
  ) {
    problems.push("not exactly one CSP meta, or not the policy module's");
  }
  const firstLoader = elements.findIndex((e) => e.tagName === "script" || e.tagName === "link");
  if (firstLoader !== -1 && firstLoader < elements.findIndex(isPolicy)) {
    problems.push("a script or link comes before the CSP meta, which only covers what follows it");
  }
  const referrer = elements.find((e) => e.tagName === "meta" && attr(e, "name") === "referrer");
  if (referrer === undefined || attr(referrer, "content") !== REFERRER_POLICY) {
    problems.push("the Referrer-Policy meta is missing or not the policy module's");
  }
  return problems;
}

/** Problems with a whole page: every element, the content of every post, the security policy. */
function checkPage(html: string): string[] {
  const elements = elementsOf(parse(html));
  const problems = [...elements.flatMap(checkElement), ...checkPolicies(elements)];
  for (const content of elements.filter((e) => hasClass(e, "e-content"))) {
    problems.push(...checkFeedHtml(serialize(content)));
  }
  return problems;
}

// --- reading the XML outputs with fast-xml-parser, independent of the builder that wrote them ---

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@",
  parseTagValue: false,
});

/** One element or many read as a list, as XML parsers give either. */
const listOf = <T extends z.ZodType>(item: T) =>
  z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item));

const rssSchema = z.object({
  rss: z.object({
    channel: z.object({
      item: listOf(
        z.object({
          title: z.string(),
          link: z.string().optional(),
          guid: z.object({ "#text": z.string(), "@isPermaLink": z.string() }),
          "dc:creator": z.string(),
          category: listOf(z.string()),
          description: z.string(),
        }),
      ),
    }),
  }),
});

const atomText = z.object({ "#text": z.string(), "@type": z.string() });
const atomSchema = z.object({
  feed: z.object({
    entry: listOf(
      z.object({
        title: atomText,
        id: z.string(),
        link: listOf(z.object({ "@href": z.string(), "@rel": z.string() })),
        author: z.object({ name: z.string(), uri: z.string().optional() }),
        category: listOf(z.object({ "@term": z.string() })),
        content: atomText,
      }),
    ),
  }),
});

const opmlSchema = z.object({
  opml: z.object({
    body: z.object({
      outline: listOf(
        z.object({
          "@text": z.string(),
          "@title": z.string(),
          "@xmlUrl": z.string(),
          "@htmlUrl": z.string().optional(),
        }),
      ),
    }),
  }),
});

/** Characters XML 1.0 forbids, raw or as character references. */
function findForbiddenXmlCharacters(text: string): string[] {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  const raw = [...text.matchAll(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g)];
  const references = [...text.matchAll(/&#(x[0-9a-f]+|[0-9]+);/gi)].filter((match) => {
    const digits = match[1] ?? "";
    const code = digits.startsWith("x") ? Number.parseInt(digits.slice(1), 16) : Number(digits);
    return code < 0x20 && ![0x9, 0xa, 0xd].includes(code);
  });
  return [...raw, ...references].map((match) => JSON.stringify(match[0]));
}

// --- reading the calendars: line by line, and with ical.js ---

const SMUGGLED_PROPERTIES = new Set(["ATTENDEE", "ORGANIZER", "ACTION", "TRIGGER", "ATTACH"]);

/**
 * Problems in the calendar's lines: a line break that is not CRLF, a component other than
 * VCALENDAR/VEVENT, a property about people or alarms, a property twice in one VEVENT (feed
 * text that escaped its value would start a line of its own).
 */
function checkCalendarLines(text: string): string[] {
  const problems: string[] = [];
  if (/\r(?!\n)|(?<!\r)\n/.test(text)) problems.push("a line break that is not CRLF");
  let inEvent: Set<string> | null = null;
  // Lenient readers start a line at any break, so the lines are read the same way here.
  for (const line of text.replace(/\r\n[ \t]/g, "").split(/\r\n|\r|\n/)) {
    if (line === "") continue;
    const name = /^([A-Za-z0-9-]+)[;:]/.exec(line)?.[1]?.toUpperCase();
    if (name === undefined) {
      problems.push(`not a content line: ${line}`);
    } else if (name === "BEGIN" || name === "END") {
      const component = line.slice(name.length + 1);
      if (component !== "VCALENDAR" && component !== "VEVENT") problems.push(line);
      if (component === "VEVENT") inEvent = name === "BEGIN" ? new Set() : null;
    } else if (SMUGGLED_PROPERTIES.has(name)) {
      problems.push(line);
    } else if (inEvent !== null) {
      if (inEvent.has(name) && name !== "CATEGORIES") problems.push(`${name} twice: ${line}`);
      inEvent.add(name);
    }
  }
  return problems;
}

/** Every component of a calendar, by name, as ical.js reads it. */
function componentsOf(component: ICAL.Component): ICAL.Component[] {
  return [component, ...component.getAllSubcomponents().flatMap(componentsOf)];
}

const isWebUrl = (value: string) => /^https?:$/.test(URL.parse(value)?.protocol ?? "");

// --- the tests ---

describe("the hostile planet's build", () => {
  it("read every feed and event source (so the checks below are not vacuous)", () => {
    const health = z
      .object({
        feeds: z.array(z.object({ ok: z.boolean() })),
        events: z.array(z.object({ ok: z.boolean() })),
      })
      .parse(JSON.parse(output("health.json")));
    expect([...health.feeds, ...health.events].map((source) => source.ok)).toEqual([
      true,
      true,
      true,
      true,
    ]);
  });

  it("publishes no author's or attendee's e-mail address in any file", () => {
    const leaks = [...outputs].flatMap(([path, text]) =>
      PRIVATE_ADDRESSES.filter((address) =>
        [address, address.replace("@", "%40")].some((form) => text.toLowerCase().includes(form)),
      ).map((address) => `${path}: ${address}`),
    );
    expect(leaks).toEqual([]);
  });
});

describe("the checks themselves", () => {
  it("report each kind of problem they look for", () => {
    const page = `<!doctype html><html><head><script>alert(1)</script>
      <link rel="stylesheet" href="https://evil.example/x.css"><base href="https://evil.example/">
      <meta http-equiv="refresh" content="0;url=https://evil.example/"></head><body>
      <div class="e-content"><p onclick="alert(1)" style="color:red" class="x">text</p>
      <a href="https://ok.example/">no rel</a><a href="java&#9;script:alert(1)">script</a>
      <img src="https://t.example/p.gif" width="1" height="1"><iframe srcdoc="x"></iframe>
      <form action="https://evil.example/"></form><svg><script>alert(2)</script></svg></div>`;
    const problems = checkPage(page);
    for (const pattern of [
      /^script other than/,
      /^<link> loads from elsewhere/,
      /^<base> on the page/,
      /refresh/,
      /^<p> has handler onclick/,
      /^<p> has style/,
      /^<a> rel is undefined/,
      /^<a href> is a javascript: URL/,
      /^a 1×1 tracking pixel/,
      /^<iframe> not a sandboxed allowlisted embed/,
      /^<iframe> has srcdoc/,
      /^a <form> other than/,
      /^foreign element <svg>/,
      /^not exactly one CSP meta/,
      /^the Referrer-Policy meta/,
    ]) {
      expect(problems).toContainEqual(expect.stringMatching(pattern));
    }
    const calendar = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:a\r\nSUMMARY:b\nBEGIN:VALARM\r\n";
    expect(checkCalendarLines(`${calendar}ATTENDEE:mailto:x@y.example\r\n`)).toEqual([
      "a line break that is not CRLF",
      "SUMMARY twice: SUMMARY:b",
      "BEGIN:VALARM",
      "ATTENDEE:mailto:x@y.example",
    ]);
    expect(findForbiddenXmlCharacters("a\u0001b&#x1B;c&#9;")).toEqual(['"\\u0001"', '"&#x1B;"']);
  });
});

describe("every HTML page", () => {
  it("runs, loads, restyles and injects nothing from feeds, and carries the planet's policy", () => {
    const pages = pathsEnding(".html");
    expect(pages.length).toBeGreaterThanOrEqual(6);
    for (const path of pages)
      expect({ path, problems: checkPage(output(path)) }).toEqual({ path, problems: [] });
  });

  it("shows every post with its text fields escaped exactly once and unsafe links dropped", () => {
    const entries = elementsOf(parse(output("index.html"))).filter((e) => hasClass(e, "h-entry"));
    const seen = entries.map((entry) => {
      const inside = elementsOf(entry);
      const find = (name: string) => inside.find((e) => hasClass(e, name));
      const member = inside.find(
        (e) => hasClass(e, "p-name") && isInside(e, (a) => hasClass(a, "p-author")),
      );
      const byline = find("author");
      const content = find("e-content");
      return {
        member: member === undefined ? null : textOf(member),
        memberLink: member?.tagName === "a" ? attr(member, "href") : null,
        title: textOf(find("post-title") ?? entry),
        link: attr(find("u-url") ?? entry, "href"),
        content: content === undefined ? "" : textOf(content),
        author: byline === undefined ? null : textOf(byline),
      };
    });
    expect(seen).toEqual(
      EXPECTED_POSTS.map((post) => ({
        member: post.member,
        memberLink: MEMBER_LINKS[post.member] ?? null,
        title: post.title,
        link: post.link ?? expect.stringMatching(/^https:\/\/planet\.example\.org\/#post-/),
        content: expect.stringContaining(post.survives),
        author: post.author !== null && post.author !== post.member ? post.author : null,
      })),
    );
  });

  it("shows event titles and places as text on the events page", () => {
    const events = elementsOf(parse(output("events/index.html"))).filter((e) =>
      hasClass(e, "h-event"),
    );
    const shown = events.map((event) => {
      const inside = elementsOf(event);
      const place = inside.find((e) => hasClass(e, "p-location"));
      return {
        title: textOf(inside.find((e) => hasClass(e, "event-title")) ?? event),
        location: place === undefined ? null : textOf(place),
      };
    });
    expect(shown).toEqual(
      CALENDAR.summaries.map((title, i) => ({ title, location: CALENDAR.locations[i] })),
    );
  });

  it("keeps the allowlisted video as the one sandboxed frame", () => {
    const frames = elementsOf(parse(output("index.html"))).filter((e) => e.tagName === "iframe");
    expect(frames.map((frame) => [attr(frame, "src"), attr(frame, "sandbox")])).toEqual([
      [EMBED_SRC, "allow-scripts allow-same-origin allow-presentation"],
    ]);
  });
});

describe("rss.xml, rss20.xml, atom.xml and opml.xml", () => {
  it("are well-formed XML without a character XML forbids", () => {
    for (const path of ["rss.xml", "rss20.xml", "atom.xml", "opml.xml"]) {
      const text = output(path);
      expect({ path, valid: XMLValidator.validate(text) }).toEqual({ path, valid: true });
      expect({ path, forbidden: findForbiddenXmlCharacters(text) }).toEqual({
        path,
        forbidden: [],
      });
    }
  });

  it("RSS: titles escaped exactly once, http(s) links only, sanitized HTML only", () => {
    for (const path of ["rss.xml", "rss20.xml"]) {
      const items = rssSchema.parse(xml.parse(output(path))).rss.channel.item;
      expect(
        items.map((item) => ({ ...item, description: checkFeedHtml(item.description) })),
      ).toEqual(
        EXPECTED_POSTS.map((post) => ({
          title: `${post.member}: ${post.title}`,
          ...(post.link === null ? {} : { link: post.link }),
          // Never a permalink: a reader must not turn a feed's id into a link.
          guid: { "#text": expect.any(String), "@isPermaLink": "false" },
          "dc:creator": post.author ?? post.member,
          category: post.categories ?? [],
          description: [],
        })),
      );
      items.forEach((item, i) => {
        expect(textOf(parseFragment(item.description))).toContain(EXPECTED_POSTS[i]?.survives);
      });
    }
  });

  it("Atom: titles escaped exactly once, http(s) links only, sanitized HTML only", () => {
    const entries = atomSchema.parse(xml.parse(output("atom.xml"))).feed.entry;
    const links = entries.flatMap((entry) => [
      ...entry.link.map((link) => link["@href"]),
      ...(entry.author.uri === undefined ? [] : [entry.author.uri]),
    ]);
    expect(links.filter((link) => !isWebUrl(link))).toEqual([]);
    // Readers fall back to an id that looks like a URL when an entry has no link.
    const scriptIds = entries.filter(({ id }) => SCRIPT_SCHEMES.has(URL.parse(id)?.protocol ?? ""));
    expect(scriptIds.map(({ id }) => id)).toEqual([]);
    expect(
      entries.map((entry) => ({
        title: entry.title["#text"],
        link: entry.link.find((link) => link["@rel"] === "alternate")?.["@href"] ?? null,
        author: entry.author.name,
        categories: entry.category.map((category) => category["@term"]),
        content: checkFeedHtml(entry.content["#text"]),
        survives: textOf(parseFragment(entry.content["#text"])),
      })),
    ).toEqual(
      EXPECTED_POSTS.map((post) => ({
        title: `${post.member}: ${post.title}`,
        link: post.link,
        author: post.author ?? post.member,
        categories: post.categories ?? [],
        content: [],
        survives: expect.stringContaining(post.survives),
      })),
    );
  });

  it("OPML: names and feed titles as text, a member link only when it is http(s)", () => {
    const outlines = opmlSchema.parse(xml.parse(output("opml.xml"))).opml.body.outline;
    expect(outlines).toEqual(
      Object.entries(FEED_TITLES).map(([member, title]) => ({
        "@text": member,
        "@title": title,
        "@xmlUrl": expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\//),
        ...(MEMBER_LINKS[member] ? { "@htmlUrl": MEMBER_LINKS[member] } : {}),
      })),
    );
  });
});

describe("events.ics and the per-kind calendars", () => {
  it("hold one VEVENT per source event, feed text only in values, no alarm, person or script URL", () => {
    for (const { path } of CALENDAR_FILES) {
      const text = output(path);
      expect({ path, problems: checkCalendarLines(text) }).toEqual({ path, problems: [] });
      const components = componentsOf(new ICAL.Component(ICAL.parse(text)));
      expect(new Set(components.map((c) => c.name))).toEqual(new Set(["vcalendar", "vevent"]));
      const properties = components.flatMap((c) => c.getAllProperties());
      expect(properties.filter((p) => ["attendee", "organizer"].includes(p.name))).toEqual([]);
      const urls = properties.filter((p) => p.name === "url").map((p) => String(p.getFirstValue()));
      expect(urls.filter((url) => !isWebUrl(url))).toEqual([]);
    }
  });

  it("events.ics reads back with exactly the source's events and their text", () => {
    const calendar = new ICAL.Component(ICAL.parse(output("events.ics")));
    const events = calendar.getAllSubcomponents("vevent");
    expect(events).toHaveLength(CALENDAR.vevents);
    expect(events.map((event) => event.getFirstPropertyValue("summary"))).toEqual(
      CALENDAR.summaries,
    );
    expect(events.map((event) => event.getFirstPropertyValue("location"))).toEqual(
      CALENDAR.locations,
    );
    expect(events.map((event) => event.getFirstPropertyValue("url"))).toEqual(CALENDAR.urls);
  });
});

describe("dist/_headers", () => {
  it("serves the pages' own policy as headers on hosts that read the file", () => {
    const headers = output("_headers");
    const calendars = pathsEnding(".ics");
    // One rule for every file, then one per calendar.
    expect(headers.split("\n\n")).toHaveLength(1 + calendars.length);
    const site = headers.split("\n\n").find((block) => block.split("\n").includes("/*")) ?? "";
    expect(site.split("\n").slice(1)).toEqual(
      expect.arrayContaining([
        `  Content-Security-Policy: ${CONTENT_SECURITY_POLICY}`,
        `  Referrer-Policy: ${REFERRER_POLICY}`,
        "  X-Content-Type-Options: nosniff",
      ]),
    );
    // Every calendar, the planet's and each event page's, is served as one.
    const eventCalendars = calendars.filter((path) => /^events\/[^/]+\/event\.ics$/.test(path));
    expect(eventCalendars.length).toBeGreaterThan(0);
    for (const path of ["events.ics", ...eventCalendars]) {
      expect(headers).toContain(`/${path}\n  Content-Type: text/calendar; charset=utf-8`);
    }
  });
});
