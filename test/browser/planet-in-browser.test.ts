import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AXE_PATH, type BrowserSession, startBrowserSession } from "./browser-session.ts";
import { checkHtml } from "./check-html.ts";

/**
 * The pages the issues name: front, events, feeds, a member page, a category page, the archive
 * and its oldest page (the day of the demo's oldest post), an event.
 */
const EVENT_PAGE = "events/nixos-17-03-release-party-ce3e97bd/";
const OLDEST_ARCHIVE_PAGE = "archive/2016-10-11/";
const PAGES = [
  "",
  "events/",
  "feeds/",
  "members/sander-van-der-burg/",
  "categories/nixos/",
  "archive/",
  OLDEST_ARCHIVE_PAGE,
  EVENT_PAGE,
];
const SCHEMES = ["light", "dark"] as const;

let session: BrowserSession;
beforeAll(async () => {
  session = await startBrowserSession();
});
afterAll(() => session?.close());

/** axe-core with every rule on, experimental ones included; the violations, briefly. */
async function runAxe(page: Page): Promise<unknown> {
  await page.addScriptTag({ url: AXE_PATH });
  return page.evaluate(`(async () => {
    const rules = Object.fromEntries(axe.getRules().map((rule) => [rule.ruleId, { enabled: true }]));
    const result = await axe.run(document, { rules, resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target.join(" ")) }));
  })()`);
}

describe("accessibility (axe-core, all rules)", () => {
  for (const path of PAGES) {
    for (const colorScheme of SCHEMES) {
      it(`has no violations on /${path} in ${colorScheme}`, async () => {
        const { page, problems } = await session.open(path, { colorScheme });
        expect(await runAxe(page)).toEqual([]);
        expect(problems).toEqual([]);
        await page.context().close();
      });
    }
  }

  for (const colorScheme of SCHEMES) {
    it(`has no violations on the front page at 375 px in ${colorScheme}`, async () => {
      const { page, problems } = await session.open("", {
        colorScheme,
        viewport: { width: 375, height: 812 },
      });
      expect(await runAxe(page)).toEqual([]);
      expect(problems).toEqual([]);
      await page.context().close();
    });
  }
});

describe("structure and keyboard", () => {
  it("orders headings h1 → h2 → h3 without skipping a level, one h1 a page", async () => {
    for (const path of PAGES) {
      const { page } = await session.open(path);
      const levels = await page.$$eval("h1, h2, h3, h4, h5, h6", (headings) =>
        headings.map((h) => Number(h.tagName.slice(1))),
      );
      expect(
        levels.filter((level) => level === 1),
        path,
      ).toHaveLength(1);
      expect(levels[0], path).toBe(1);
      levels.forEach((level, i) => {
        expect(level - (levels[i - 1] ?? 0), `${path} heading ${i}`).toBeLessThanOrEqual(1);
      });
      await page.context().close();
    }
  });

  it("offers a skip link as the first stop, visible when focused, that moves focus to the posts", async () => {
    const { page } = await session.open("");
    await page.keyboard.press("Tab");
    const link = page.locator(":focus");
    expect(await link.textContent()).toBe("Skip to content");
    const box = await link.boundingBox();
    expect(box && box.y >= 0 && box.x >= 0 && box.width > 0).toBe(true);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    await page.context().close();
  });

  it("shows a visible focus outline on every element reached by Tab", async () => {
    const { page } = await session.open("");
    for (let i = 0; i < 25; i++) {
      await page.keyboard.press("Tab");
      const focus = await page.evaluate(() => {
        const element = document.activeElement;
        if (!element) return null;
        const style = getComputedStyle(element);
        return {
          tag: element.tagName,
          style: style.outlineStyle,
          width: parseFloat(style.outlineWidth),
        };
      });
      expect(focus?.style, JSON.stringify(focus)).not.toBe("none");
      expect(focus?.width, JSON.stringify(focus)).toBeGreaterThanOrEqual(2);
    }
    await page.context().close();
  });
});

describe("layout", () => {
  it("never scrolls sideways, from 320 px up, and moves the sidebar below the posts", async () => {
    for (const width of [320, 375, 768, 1280, 1920]) {
      for (const path of PAGES) {
        const { page } = await session.open(path, { viewport: { width, height: 800 } });
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        expect(overflow, `${path} at ${width}px`).toBeLessThanOrEqual(0);
        await page.context().close();
      }
    }
    const { page } = await session.open("", { viewport: { width: 375, height: 800 } });
    const main = await page.locator("main").boundingBox();
    const aside = await page.locator("aside.sidebar").boundingBox();
    expect(aside && main && aside.y >= main.y + main.height).toBe(true);
    await page.context().close();
  }, 120_000);

  it("shows a member's face file, and initials in a coloured circle for the others", async () => {
    const { page } = await session.open("");
    const face = page.locator(".member-item img.face").first();
    // Faces load lazily: bring it into view, then wait for the picture.
    await face.scrollIntoViewIfNeeded();
    await expect
      .poll(() => face.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth))
      .toBeGreaterThan(0);
    const initials = page.locator(".member-item .face-initials").first();
    expect(await initials.textContent()).toBe("JS");
    const colour = await initials.evaluate((span) => getComputedStyle(span).backgroundColor);
    expect(colour).not.toBe("rgba(0, 0, 0, 0)");
    await page.context().close();
  });

  it("keeps the front page within budget: ≤ 150 KB without images, ≤ 20 KB of script", async () => {
    const { page } = await session.open("");
    const sizes = await page.evaluate(() =>
      performance
        .getEntriesByType("resource")
        .concat(performance.getEntriesByType("navigation"))
        .filter((entry): entry is PerformanceResourceTiming => "initiatorType" in entry)
        .map((entry) => ({
          type: entry.initiatorType,
          url: entry.name,
          bytes: entry.encodedBodySize,
        })),
    );
    const notImages = sizes.filter((entry) => entry.type !== "img");
    const scripts = sizes.filter((entry) => entry.type === "script" || entry.url.endsWith(".js"));
    expect(notImages.reduce((sum, entry) => sum + entry.bytes, 0)).toBeLessThanOrEqual(150_000);
    expect(scripts.reduce((sum, entry) => sum + entry.bytes, 0)).toBeLessThanOrEqual(20_000);
    await page.context().close();
  });
});

describe("search and no-JavaScript reading", () => {
  it("finds a post of the newest archive page, in a segment merged with the first", async () => {
    const { page, problems } = await session.open("");
    await page.getByRole("searchbox", { name: "Search posts" }).fill("disnix");
    const first = page.locator(".search-results a").first();
    await first.waitFor();
    expect(await first.getAttribute("href")).toMatch(/^\/archive\/\d{4}-\d{2}-\d{2}\/#post-/);
    expect(await first.getAttribute("href")).not.toContain(OLDEST_ARCHIVE_PAGE);
    expect((await page.locator(".search-results a").allTextContents()).join(" ")).toMatch(/Disnix/);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("finds a post of the oldest archive page and follows the hit to its anchor", async () => {
    const { page, problems } = await session.open("");
    await page.getByRole("searchbox", { name: "Search posts" }).fill("boilerplate");
    const hit = page.locator(".search-results a", { hasText: /without the boilerplate$/ });
    await hit.waitFor();
    expect(await hit.getAttribute("href")).toMatch(new RegExp(`^/${OLDEST_ARCHIVE_PAGE}#post-`));
    await hit.click();
    await page.waitForURL(new RegExp(`/${OLDEST_ARCHIVE_PAGE}#post-`));
    const target = decodeURIComponent(new URL(page.url()).hash.slice(1));
    expect(await page.locator(`[id="${target}"]`).textContent()).toMatch(/without the boilerplate/);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it("shows every post and no search box when JavaScript is off", async () => {
    const { page } = await session.open("", { javaScriptEnabled: false });
    expect(await page.locator(".h-entry").count()).toBe(10);
    expect(await page.locator("search.site-search").isVisible()).toBe(false);
    await page.context().close();
  });
});

describe("event pages", () => {
  it("carry JSON-LD the browser reads as data, which the page's policy does not block", async () => {
    // A blocked inline script would be a console error, which `problems` collects.
    const { page, problems } = await session.open(EVENT_PAGE);
    const event = await page.evaluate(() =>
      JSON.parse(document.querySelector('script[type="application/ld+json"]')?.textContent ?? "{}"),
    );
    expect(event["@type"]).toBe("Event");
    expect(event.name).toBe("NixOS 17.03 Release Party");
    expect(problems).toEqual([]);
    await page.context().close();
  });
});

describe("HTML validity (W3C Nu HTML Checker)", () => {
  it("finds no error on any page", async () => {
    const dir = session.planet.outDir;
    const pages = (await readdir(dir, { recursive: true }))
      .filter((file) => file.endsWith(".html"))
      .map((file) => join(dir, file));
    expect(pages.length).toBeGreaterThan(10);
    expect(await checkHtml(pages)).toEqual([]);
  });
});

describe("crawler files", () => {
  it("lists every page in sitemap.xml and points robots.txt at it", async () => {
    const dir = session.planet.outDir;
    const pages = (await readdir(dir, { recursive: true }))
      .filter((file) => file.endsWith("index.html"))
      .map((file) => `http://localhost:4321/${file.replace(/index\.html$/, "")}`)
      .sort();
    const sitemap = await readFile(join(dir, "sitemap.xml"), "utf8");
    const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]).sort();
    expect(listed).toEqual(pages);
    expect(await readFile(join(dir, "robots.txt"), "utf8")).toContain(
      "Sitemap: http://localhost:4321/sitemap.xml",
    );
  });
});
