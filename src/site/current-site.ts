import { handedOffSiteData, type SiteData } from "./site-data.ts";

/**
 * The site the pages render: handed over in memory by the build in progress (npm run build) or
 * by the development server (npm run dev, src/cli/dev.ts).
 */
export function currentSiteData(): SiteData {
  const handed = handedOffSiteData();
  if (handed === null) {
    throw new Error("no site to render: run the pages through npm run build or npm run dev");
  }
  return handed;
}
