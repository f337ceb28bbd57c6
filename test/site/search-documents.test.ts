import { parseDocument } from "htmlparser2";
import { describe, expect, it } from "vitest";
import { configSchema } from "../../src/config/schema.ts";
import type { Site } from "../../src/model/site.ts";
import { postAnchor } from "../../src/site/page-links.ts";
import { searchDocuments } from "../../src/site/search-documents.ts";
import { samplePost } from "../helpers/feed-record-sample.ts";
import { ADA_FEED, sampleSite } from "../helpers/sample-site.ts";

/** Five posts, two a page, on a planet served under /planet/. */
function fivePostSite(): Site {
  const posts = [1, 2, 3, 4, 5].map((n) => samplePost(ADA_FEED, n));
  const site = sampleSite({ posts, config: { link: "https://example.org/planet/" } });
  return { ...site, config: configSchema.parse({ ...site.config, postsPerPage: 2 }) };
}

/** The headings Pagefind makes one hit each of: [id, text]. */
function headings(html: string): [string, string][] {
  const found: [string, string][] = [];
  const visit = (node: ReturnType<typeof parseDocument>["children"][number]) => {
    if (node.type === "tag" && node.name === "h3") {
      const text = node.children.map((c) => ("data" in c ? c.data : "")).join("");
      found.push([node.attribs.id ?? "", text]);
    }
    if ("children" in node) for (const child of node.children) visit(child);
  };
  for (const node of parseDocument(html, { decodeEntities: true }).children) visit(node);
  return found;
}

describe("searchDocuments", () => {
  it("makes one document per stream page, named as the page's file under the site folder", () => {
    const documents = searchDocuments(fivePostSite());

    expect(documents.map((d) => [d.sourcePath, d.posts])).toEqual([
      ["index.html", 2],
      ["page/2/index.html", 2],
      ["page/3/index.html", 1],
    ]);
  });

  it("gives each post a heading with the anchor its stream page gives it, its title as text", () => {
    const site = fivePostSite();
    const [front] = searchDocuments(site);

    expect(headings(front?.html() ?? "")).toEqual(
      site.posts.slice(0, 2).map((post) => [postAnchor(post), post.title]),
    );
  });

  it("holds each post's member, author and whole content inside Pagefind's body marker", () => {
    const site = fivePostSite();
    const html = searchDocuments(site)[2]?.html() ?? "";

    expect(html).toMatch(/<html lang="en">.*<main data-pagefind-body>.*<\/main>/s);
    expect(html).toContain("<p>Ada Example (Ada)</p>");
    expect(html).toContain(site.posts[4]?.contentHtml);
    expect(html).not.toContain(site.posts[3]?.contentHtml);
  });

  it("indexes front-page posts whole even when the front page cuts them short", () => {
    const site = fivePostSite();
    const short = { ...site, config: { ...site.config, truncateWords: 1 } };

    expect(searchDocuments(short)[0]?.html()).toContain(site.posts[0]?.contentHtml);
  });

  it("makes one empty front page document for a planet without posts", () => {
    const empty = { ...fivePostSite(), posts: [] };

    expect(searchDocuments(empty).map((d) => [d.sourcePath, d.posts])).toEqual([["index.html", 0]]);
  });
});
