import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { type BuiltPlanet, buildDemoPlanet } from "./demo-planet.ts";
import { keepOffline, launchChromium } from "./launch-chromium.ts";
import { type DirectoryServer, serveDirectory } from "./serve-directory.ts";

/** Where the test server serves axe-core: same origin, so the pages' CSP lets it run. */
export const AXE_PATH = "/__axe.js";

/** The demo planet, built, served and open in a browser. */
export interface BrowserSession {
  planet: BuiltPlanet;
  server: DirectoryServer;
  browser: Browser;
  /** Opens `path` (relative to the site) in a fresh context; `problems` collects console errors. */
  open(path: string, options?: BrowserContextOptions): Promise<{ page: Page; problems: string[] }>;
  close(): Promise<void>;
}

/** Builds the demo planet, serves it on loopback and launches Chromium. */
export async function startBrowserSession(): Promise<BrowserSession> {
  const planet = await buildDemoPlanet();
  const axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core"), "utf8");
  const server = await serveDirectory(planet.outDir, {
    [AXE_PATH]: { type: "text/javascript", body: axeSource },
  });
  const browser = await launchChromium();
  return {
    planet,
    server,
    browser,
    async open(path, options = {}) {
      const context = await browser.newContext(options);
      await keepOffline(context, new URL(server.url).origin);
      const page = await context.newPage();
      const problems: string[] = [];
      page.on("console", (message) => {
        if (message.type() === "error" || message.type() === "warning")
          problems.push(`${message.type()}: ${message.text()}`);
      });
      page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
      page.on("requestfailed", (request) => problems.push(`request failed: ${request.url()}`));
      page.on("response", (response) => {
        if (response.status() >= 400) problems.push(`${response.status()}: ${response.url()}`);
      });
      await page.goto(new URL(path, server.url).href, { waitUntil: "load" });
      return { page, problems };
    },
    async close() {
      await browser.close();
      await server.close();
      await planet.remove();
    },
  };
}
