import { describe, expect, it } from "vitest";
import { fitContentHtml } from "../../src/site/fit-content.ts";

describe("fitContentHtml", () => {
  it("leaves content without headings or bare images unchanged, byte for byte", () => {
    const html =
      '<p>Fish &amp; chips&nbsp;<a href="https://x.example/?a=1&amp;b=2" rel="nofollow ugc noopener">here</a></p>\n<img src="https://x.example/a.png" alt="A diagram">';
    expect(fitContentHtml(html)).toBe(html);
  });

  it("moves the top heading level right under the post title and keeps relative nesting", () => {
    // What the sanitizer makes of h2/h3 sections: h5/h6.
    const html = "<h5>Intro</h5><p>a</p><h6>Detail</h6><p>b</p><h5>Next</h5><h6>More</h6>";
    expect(fitContentHtml(html)).toBe(
      "<h4>Intro</h4><p>a</p><h5>Detail</h5><p>b</p><h4>Next</h4><h5>More</h5>",
    );
  });

  it("closes up a skipped level and starts a deeper first heading at h4", () => {
    expect(fitContentHtml("<h6>Only</h6>")).toBe("<h4>Only</h4>");
    expect(fitContentHtml("<h4>A</h4><h6>B</h6><h6>C</h6><h4>D</h4>")).toBe(
      "<h4>A</h4><h5>B</h5><h5>C</h5><h4>D</h4>",
    );
  });

  it("renames only the tag name, keeping attributes and inner markup", () => {
    expect(fitContentHtml('<h6 id="x"><a href="https://x.example/">Link</a></h6>')).toBe(
      '<h4 id="x"><a href="https://x.example/">Link</a></h4>',
    );
  });

  it("gives images without alt an empty alt and leaves other images alone", () => {
    expect(
      fitContentHtml(
        '<p><img src="https://x.example/a.png" loading="lazy"><img src="https://x.example/b.png" alt="B"></p>',
      ),
    ).toBe(
      '<p><img alt="" src="https://x.example/a.png" loading="lazy"><img src="https://x.example/b.png" alt="B"></p>',
    );
  });

  it("names a linked image without alt after its file, so the link has a name", () => {
    expect(
      fitContentHtml(
        '<a href="https://x.example/big.png"><img src="https://x.example/s400/disnix%20reconstruct.png?x=1"></a><img src="https://x.example/">',
      ),
    ).toBe(
      '<a href="https://x.example/big.png"><img alt="Image: disnix reconstruct.png" src="https://x.example/s400/disnix%20reconstruct.png?x=1"></a><img alt="" src="https://x.example/">',
    );
    expect(fitContentHtml('<a href="https://x.example/"><img src="https://x.example/"></a>')).toBe(
      '<a href="https://x.example/"><img alt="Image: untitled" src="https://x.example/"></a>',
    );
  });

  it("reads tags only: escaped markup in text and attributes is left alone", () => {
    const html =
      '<p>&lt;h2&gt;Not a heading&lt;/h2&gt; <a href="https://x.example/" title="&lt;img src=&quot;x&quot;&gt;">x</a></p><header>h</header>';
    expect(fitContentHtml(html)).toBe(html);
  });

  it("names a linked image after its file as the page decodes its address", () => {
    expect(
      fitContentHtml(
        '<a href="https://x.example/"><img src="https://x.example/caf%C3%A9.png?a=1&amp;b=2"></a>',
      ),
    ).toBe(
      '<a href="https://x.example/"><img alt="Image: café.png" src="https://x.example/caf%C3%A9.png?a=1&amp;b=2"></a>',
    );
  });
});
