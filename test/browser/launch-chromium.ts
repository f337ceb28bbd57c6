import { type Browser, type BrowserContext, chromium } from "playwright-core";

/** Debian's Chromium (`apt-get install chromium`); PLANET_CHROMIUM points elsewhere. */
export const CHROMIUM_PATH = process.env.PLANET_CHROMIUM || "/usr/bin/chromium";

/** Headless Chromium that contacts nothing but the pages it is sent to. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** A grey picture standing in for every image hosted elsewhere. */
const PLACEHOLDER_IMAGE =
  '<svg xmlns="http://www.w3.org/2000/svg" width="320" height="180"><rect width="100%" height="100%" fill="#9aa0a6"/></svg>';

/**
 * Answers every request for another origin than `origin` inside the browser, so nothing leaves
 * the machine: images (posts link them from their authors' hosts) get a grey placeholder, frames
 * and anything else an empty page.
 */
export async function keepOffline(context: BrowserContext, origin: string): Promise<void> {
  await context.route(
    (url) => url.origin !== origin,
    (route) =>
      route.request().resourceType() === "image"
        ? route.fulfill({ status: 200, contentType: "image/svg+xml", body: PLACEHOLDER_IMAGE })
        : route.fulfill({
            status: 200,
            contentType: "text/html",
            body: "<!doctype html><title>offline</title>",
          }),
  );
}
