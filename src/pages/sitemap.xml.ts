import type { APIRoute } from "astro";
import { currentSiteData } from "../site/current-site.ts";
import { renderSiteMap } from "../site/site-map.ts";

/** sitemap.xml: every page of the planet, with absolute URLs. */
export const GET: APIRoute = () =>
  new Response(renderSiteMap(currentSiteData().site), {
    headers: { "Content-Type": "application/xml; charset=utf-8" },
  });
