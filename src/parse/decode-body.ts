import iconv from "iconv-lite";

/**
 * Labels that browsers (the WHATWG Encoding Standard) decode as windows-1252: servers that say
 * ISO-8859-1 or ASCII routinely send curly quotes in 0x80–0x9F, which Latin-1 would turn into
 * invisible control characters.
 */
const WINDOWS_1252_ALIASES = new Set([
  "iso-8859-1",
  "iso8859-1",
  "iso_8859-1",
  "latin1",
  "latin-1",
  "l1",
  "us-ascii",
  "ascii",
  "cp819",
  "ibm819",
]);

/** How far into the body an XML declaration can sit (after a BOM and some whitespace). */
const DECLARATION_WINDOW = 1024;

/** Decodes a fetched body to text: BOM first, then the HTTP charset, then the XML declaration, else UTF-8. */
export function decodeBody(body: Uint8Array, contentType: string | null): string {
  const encoding =
    encodingFromBom(body) ??
    usableEncoding(charsetFromContentType(contentType)) ??
    encodingFromXmlDeclaration(body) ??
    "utf-8";
  return decodeWith(body, encoding).replace(/^\uFEFF/, "");
}

/** The encoding named by the byte order mark, or the UTF-16 that `<?` in two-byte units reveals. */
function encodingFromBom(body: Uint8Array): string | null {
  const [a, b, c, d] = body;
  if (a === 0xef && b === 0xbb && c === 0xbf) return "utf-8";
  if (a === 0xff && b === 0xfe) return "utf-16le";
  if (a === 0xfe && b === 0xff) return "utf-16be";
  if (a === 0x3c && b === 0x00 && c === 0x3f && d === 0x00) return "utf-16le";
  if (a === 0x00 && b === 0x3c && c === 0x00 && d === 0x3f) return "utf-16be";
  return null;
}

/** The `charset` parameter of a Content-Type header, unquoted, or null. */
function charsetFromContentType(contentType: string | null): string | null {
  if (contentType === null) return null;
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType);
  return match?.[2] ?? null;
}

/** The `encoding` of an XML declaration at the start of the body, or null. */
function encodingFromXmlDeclaration(body: Uint8Array): string | null {
  // Every encoding a declaration can honestly be read in is ASCII-compatible here.
  const head = iconv.decode(body.subarray(0, DECLARATION_WINDOW), "latin1");
  const match = /^\s*<\?xml\s[^>]*?\bencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']/.exec(head);
  const declared = usableEncoding(match?.[1] ?? null);
  // A declaration we could read in single bytes cannot truthfully say UTF-16 (no BOM was found).
  return declared?.startsWith("utf-16") ? null : declared;
}

/** A canonical encoding label iconv-lite can decode, or null for unknown or missing labels. */
function usableEncoding(label: string | null): string | null {
  if (label === null) return null;
  const name = label.trim().toLowerCase();
  if (WINDOWS_1252_ALIASES.has(name)) return "windows-1252";
  if (name === "utf8" || name === "utf-8") return "utf-8";
  return iconv.encodingExists(name) ? name : null;
}

function decodeWith(body: Uint8Array, encoding: string): string {
  if (encoding === "utf-8") {
    // Not fatal: invalid sequences become U+FFFD instead of failing the feed.
    return new TextDecoder("utf-8", { fatal: false }).decode(body);
  }
  return iconv.decode(body, encoding);
}
