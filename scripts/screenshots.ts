// `npm run screenshots`: the demo planet at 375 and 1280 px, light and dark, into docs/screenshots/.
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { buildDemoPlanet, ROOT } from "../test/browser/demo-planet.ts";
import { keepOffline, launchChromium } from "../test/browser/launch-chromium.ts";
import { serveDirectory } from "../test/browser/serve-directory.ts";

const OUT = join(ROOT, "docs/screenshots");
const VIEWPORTS = [
  { name: "375", width: 375, height: 812 },
  { name: "1280", width: 1280, height: 900 },
];
const SCHEMES = ["light", "dark"] as const;

const planet = await buildDemoPlanet();
const server = await serveDirectory(planet.outDir);
const browser = await launchChromium();
try {
  await mkdir(OUT, { recursive: true });
  for (const viewport of VIEWPORTS) {
    for (const colorScheme of SCHEMES) {
      const context = await browser.newContext({
        viewport: { width: viewport.width, height: viewport.height },
        deviceScaleFactor: 1,
        colorScheme,
      });
      await keepOffline(context, new URL(server.url).origin);
      const page = await context.newPage();
      await page.goto(server.url, { waitUntil: "networkidle" });
      // A picture of an empty planet would be a broken README: refuse it.
      if ((await page.locator(".h-entry").count()) === 0) throw new Error("the demo has no posts");
      const path = join(OUT, `front-${viewport.name}-${colorScheme}.png`);
      await page.screenshot({ path });
      console.log(path);
      await context.close();
    }
  }
} finally {
  await browser.close();
  await server.close();
  await planet.remove();
}
