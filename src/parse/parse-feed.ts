import {
  detectJsonFeed,
  MalformedError,
  parseAtomFeed,
  parseJsonFeed,
  parseRdfFeed,
  parseRssFeed,
} from "feedsmith";
import { errorMessage } from "../model/caught-error.ts";
import type { ParsedFeed } from "../model/parsed-feed.ts";
import { findXmlError } from "./check-xml.ts";
import { mapAtomFeed } from "./map-atom.ts";
import { mapJsonFeed } from "./map-json.ts";
import { mapRdfFeed, mapRssFeed } from "./map-rss.ts";
import { type ParseOutcome, parseFailure } from "./parse-outcome.ts";
import { readAtom03Constructs } from "./read-atom03-constructs.ts";
import { localName, sniffDocument } from "./sniff-document.ts";
import { unprefixRss } from "./unprefix-rss.ts";

export type { ParseFailure, ParseOutcome } from "./parse-outcome.ts";

/** Root elements (local names) of the XML feed formats, each with its reader. */
const XML_READERS = new Map<string, (text: string) => ParsedFeed>([
  ["rss", (text) => mapRssFeed(parseRssFeed(unprefixRss(text)))],
  ["feed", (text) => mapAtomFeed(parseAtomFeed(text), readAtom03Constructs(text))],
  ["RDF", (text) => mapRdfFeed(parseRdfFeed(text))],
]);

/** Reads one decoded document (RSS 0.9x/1.0/2.0, Atom or JSON Feed); never throws. */
export function parseFeed(text: string): ParseOutcome {
  try {
    return parseDocument(text);
  } catch (error) {
    return parseFailure(`could not read the feed: ${errorMessage(error)}`);
  }
}

function parseDocument(text: string): ParseOutcome {
  const document = sniffDocument(text);
  switch (document.kind) {
    case "empty":
      return parseFailure("not a feed: the document is empty");
    case "html":
      return parseFailure("not a feed: looks like an HTML page");
    case "unknown":
      return parseFailure(`not a feed: neither XML nor JSON (it starts with "${document.start}")`);
    case "json":
      return parseJsonDocument(text);
    case "xml":
      return parseXmlDocument(text, document.root);
  }
}

// The root element picks the reader: feedsmith's own detection searches the whole text, so
// an Atom post quoting `<rss version="2.0">` in a CDATA section would be read as RSS.
function parseXmlDocument(text: string, root: string | null): ParseOutcome {
  const xmlError = findXmlError(text);
  if (xmlError !== null) return { ok: false, error: xmlError };
  const reader = root === null ? undefined : XML_READERS.get(localName(root));
  if (root === null || reader === undefined) {
    return parseFailure(
      `not a feed: the XML's root element is <${root}>, not <rss>, <feed> or <rdf:RDF>`,
    );
  }
  try {
    return { ok: true, feed: reader(text) };
  } catch (error) {
    const cause = error instanceof MalformedError ? `: ${errorMessage(error.cause)}` : "";
    return parseFailure(`not a feed: the <${root}> document could not be read${cause}`);
  }
}

function parseJsonDocument(text: string): ParseOutcome {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return jsonSyntaxFailure(text, errorMessage(error));
  }
  if (!detectJsonFeed(json)) {
    return parseFailure('not a feed: JSON, but not a JSON Feed (no "version" naming jsonfeed.org)');
  }
  try {
    return { ok: true, feed: mapJsonFeed(parseJsonFeed(json)) };
  } catch (error) {
    return parseFailure(`not a feed: the JSON Feed could not be read (${errorMessage(error)})`);
  }
}

/** V8 says "… in JSON at position 25 (line 2 column 5)"; the owner wants line and column. */
function jsonSyntaxFailure(text: string, message: string): ParseOutcome {
  const detail = message.replace(/\s+in JSON at position \d+.*$/, "");
  const lineColumn = /line (\d+) column (\d+)/.exec(message);
  const position = /at position (\d+)/.exec(message);
  let line: number | null = null;
  let column: number | null = null;
  if (lineColumn !== null) {
    line = Number(lineColumn[1]);
    column = Number(lineColumn[2]);
  } else if (position !== null || /end of JSON input/.test(message)) {
    const before = text.slice(0, position === null ? text.length : Number(position[1])).split("\n");
    line = before.length;
    column = (before.at(-1)?.length ?? 0) + 1;
  }
  const where = line === null ? "" : ` at line ${line}, column ${column}`;
  return parseFailure(`JSON error${where}: ${detail}`, line, column);
}
