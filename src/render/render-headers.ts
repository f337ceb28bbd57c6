import { CONTENT_SECURITY_POLICY, REFERRER_POLICY } from "../site/content-security-policy.ts";

/** Headers every file of the planet is served with. */
const SITE_HEADERS: Record<string, string> = {
  "Content-Security-Policy": CONTENT_SECURITY_POLICY,
  "Referrer-Policy": REFERRER_POLICY,
  "X-Content-Type-Options": "nosniff",
};

/** One rule of the file: a path pattern, then its headers indented below it. */
function formatRule(path: string, headers: Record<string, string>): string {
  const lines = Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`);
  return [path, ...lines].join("\n");
}

/**
 * dist/_headers, read by Netlify, Cloudflare Pages and hosts that copy their format: the page's
 * security policy as real headers (a <meta> cannot carry them all, and covers only HTML), and the
 * calendar type for each of `calendarPaths` (the .ics files under dist/: the planet's and each
 * event page's). Calendars are named one by one, not `/*.ics`: Netlify accepts `*` only at the
 * end of a path. Paths are those of the files in dist/, served from the host's root.
 */
export function renderHeaders(calendarPaths: readonly string[]): string {
  const rules = [
    formatRule("/*", SITE_HEADERS),
    ...calendarPaths.map((path) =>
      formatRule(`/${path}`, { "Content-Type": "text/calendar; charset=utf-8" }),
    ),
  ];
  return `# Security headers of the planet (generated; see README, "Deployment").\n${rules.join("\n\n")}\n`;
}
