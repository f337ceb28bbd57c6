import type { APIRoute } from "astro";
import { currentSiteData } from "../site/current-site.ts";
import { renderRobots } from "../site/site-map.ts";

/** robots.txt: crawl everything; points at the sitemap. */
export const GET: APIRoute = () =>
  new Response(renderRobots(currentSiteData().site), {
    headers: { "Content-Type": "text/plain; charset=utf-8" },
  });
