import { describe, expect, it } from "vitest";
import { decodeBody } from "../../src/parse/decode-body.ts";
import { readFixture } from "./fixture.ts";

const bytes = (...values: number[]) => new Uint8Array(values);
const ascii = (text: string) => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]) => new Uint8Array(parts.flatMap((part) => [...part]));

describe("decodeBody", () => {
  it("decodes UTF-8 by default", () => {
    expect(decodeBody(ascii("<rss>Jörg → 東京</rss>"), null)).toBe("<rss>Jörg → 東京</rss>");
  });

  it("strips a UTF-8 byte order mark", () => {
    const text = decodeBody(readFixture("utf8-bom-rss.xml"), null);
    expect(text.startsWith("<?xml")).toBe(true);
    expect(text).toContain("BOM ✓ feed");
  });

  it("decodes UTF-16 LE and BE by their byte order marks", () => {
    expect(decodeBody(bytes(0xff, 0xfe, 0x3c, 0x00, 0xe4, 0x00), null)).toBe("<ä");
    expect(decodeBody(bytes(0xfe, 0xff, 0x00, 0x3c, 0x00, 0xe4), null)).toBe("<ä");
    const text = decodeBody(readFixture("utf16-atom.xml"), "application/atom+xml");
    expect(text).toContain("Straße → 東京");
    expect(text).toContain("René 😀");
  });

  it("recognises UTF-16 without a BOM from the `<?` it starts with", () => {
    const body = bytes(0x3c, 0x00, 0x3f, 0x00, 0x78, 0x00, 0xe9, 0x00);
    expect(decodeBody(body, null)).toBe("<?xé");
  });

  it("lets the BOM win over a contradicting HTTP charset", () => {
    const body = concat(bytes(0xef, 0xbb, 0xbf), ascii("ü"));
    expect(decodeBody(body, "text/xml; charset=iso-8859-1")).toBe("ü");
  });

  it("follows the HTTP charset over the XML declaration", () => {
    const body = concat(
      ascii('<?xml version="1.0" encoding="utf-8"?><t>'),
      bytes(0xfc),
      ascii("</t>"),
    );
    expect(decodeBody(body, 'application/rss+xml; charset="ISO-8859-1"')).toContain("<t>ü</t>");
  });

  it("ignores an unknown HTTP charset and falls back to the XML declaration", () => {
    const body = concat(
      ascii("<?xml version='1.0' encoding='ISO-8859-15'?><t>"),
      bytes(0xa4),
      ascii("</t>"),
    );
    expect(decodeBody(body, "text/xml; charset=bogus-charset")).toContain("<t>€</t>");
  });

  it("reads Latin-1 feeds by their XML declaration", () => {
    const raw = readFixture("latin1-rss.xml");
    expect(raw.includes(0xf6)).toBe(true);
    const text = decodeBody(raw, "text/xml");
    expect(text).toContain("Müller &amp; Söhne: «Nix» für alle");
    expect(text).toContain("(Jörg Thalheim)");
  });

  it("reads ISO-8859-1 as windows-1252, as browsers do, so curly quotes survive", () => {
    const body = concat(
      ascii('<?xml version="1.0" encoding="ISO-8859-1"?><t>'),
      bytes(0x93, 0x68, 0x69, 0x94),
      ascii("</t>"),
    );
    expect(decodeBody(body, null)).toContain("<t>“hi”</t>");
    const text = decodeBody(readFixture("windows-1252-rss.xml"), null);
    expect(text).toContain("It’s “quoted” … €5");
  });

  it("decodes other declared encodings: KOI8-R and Shift_JIS", () => {
    const koi8 = concat(
      ascii('<?xml version="1.0" encoding="KOI8-R"?><t>'),
      bytes(0xf0, 0xd2, 0xc9, 0xd7, 0xc5, 0xd4),
      ascii("</t>"),
    );
    expect(decodeBody(koi8, null)).toContain("<t>Привет</t>");
    const sjis = concat(
      ascii('<?xml version="1.0" encoding="Shift_JIS"?><t>'),
      bytes(0x93, 0xfa, 0x96, 0x7b),
      ascii("</t>"),
    );
    expect(decodeBody(sjis, null)).toContain("<t>日本</t>");
  });

  it("does not believe a single-byte document that declares UTF-16", () => {
    const body = ascii('<?xml version="1.0" encoding="UTF-16"?><t>plain</t>');
    expect(decodeBody(body, null)).toBe('<?xml version="1.0" encoding="UTF-16"?><t>plain</t>');
  });

  it("replaces invalid UTF-8 with U+FFFD instead of throwing", () => {
    const body = concat(ascii("<t>a"), bytes(0xc3, 0x28, 0xff), ascii("b</t>"));
    expect(decodeBody(body, "text/xml; charset=utf-8")).toBe("<t>a\uFFFD(\uFFFDb</t>");
  });

  it("decodes an empty body to an empty string", () => {
    expect(decodeBody(new Uint8Array(0), null)).toBe("");
    expect(decodeBody(readFixture("empty.xml"), "text/xml")).toBe("");
  });
});
