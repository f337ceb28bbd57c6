/** What a fetched document looks like before anyone tries to read it as a feed. */
export type DocumentKind =
  | { kind: "empty" }
  | { kind: "json" }
  | { kind: "html" }
  /** `root` is the root element's name as written (with any prefix), or null if none was found. */
  | { kind: "xml"; root: string | null }
  /** `start` is the first few characters, to show the site owner what came back. */
  | { kind: "unknown"; start: string };

/** How many characters of an unrecognised document to quote in the error. */
const QUOTE_LENGTH = 40;

/** Classifies a document by its first significant characters and, for XML, its root element. */
export function sniffDocument(text: string): DocumentKind {
  const body = text.replace(/^\uFEFF/, "");
  const start = body.search(/\S/);
  if (start === -1) return { kind: "empty" };
  const first = body[start];
  if (first === "{" || first === "[") return { kind: "json" };
  if (first !== "<") return { kind: "unknown", start: quoteStart(body.slice(start)) };
  return sniffMarkup(body, start);
}

/** Walks the prolog (declaration, comments, processing instructions, doctype) to the root element. */
function sniffMarkup(text: string, from: number): DocumentKind {
  let index = from;
  while (index < text.length) {
    const rest = text.slice(index, index + 10);
    if (rest.startsWith("<?")) {
      index = skipPast(text, index, "?>");
    } else if (rest.startsWith("<!--")) {
      index = skipPast(text, index, "-->");
    } else if (/^<!doctype/i.test(rest)) {
      if (/^<!doctype\s+html\b/i.test(text.slice(index, index + 20))) return { kind: "html" };
      index = skipDoctype(text, index);
    } else if (/\s/.test(text[index] ?? "")) {
      index++;
    } else {
      break;
    }
  }
  const root = /^<([^\s/>!?]+)/.exec(text.slice(index, index + 200))?.[1] ?? null;
  if (root !== null && localName(root).toLowerCase() === "html") return { kind: "html" };
  return { kind: "xml", root };
}

/** The part of a qualified name after its prefix (`rdf:RDF` → `RDF`). */
export function localName(name: string): string {
  return name.slice(name.indexOf(":") + 1);
}

function skipPast(text: string, from: number, terminator: string): number {
  const end = text.indexOf(terminator, from);
  return end === -1 ? text.length : end + terminator.length;
}

/** Skips a doctype, including an internal subset in brackets that may itself contain `>`. */
function skipDoctype(text: string, from: number): number {
  let inSubset = false;
  for (let index = from; index < text.length; index++) {
    const char = text[index];
    if (char === "[") inSubset = true;
    else if (char === "]") inSubset = false;
    else if (char === ">" && !inSubset) return index + 1;
  }
  return text.length;
}

function quoteStart(text: string): string {
  // Control characters (a binary body) would garble the report; show them as U+FFFD.
  const line = (text.split(/\r?\n/, 1)[0] ?? "").replace(/\p{Cc}/gu, "\uFFFD");
  return line.length > QUOTE_LENGTH ? `${line.slice(0, QUOTE_LENGTH)}…` : line;
}
