import { isIanaZone } from "./zoned-time.ts";

/**
 * Windows zone names that Outlook and Exchange write as TZID, to the IANA zone CLDR's
 * windowsZones table maps each to (its "001" territory).
 */
const WINDOWS_ZONES: Readonly<Record<string, string>> = {
  "W. Europe Standard Time": "Europe/Berlin",
  "Romance Standard Time": "Europe/Paris",
  "Central Europe Standard Time": "Europe/Budapest",
  "Central European Standard Time": "Europe/Warsaw",
  "GMT Standard Time": "Europe/London",
  "Greenwich Standard Time": "Atlantic/Reykjavik",
  "E. Europe Standard Time": "Europe/Chisinau",
  "FLE Standard Time": "Europe/Kiev",
  "GTB Standard Time": "Europe/Bucharest",
  "Turkey Standard Time": "Europe/Istanbul",
  "Russian Standard Time": "Europe/Moscow",
  "Israel Standard Time": "Asia/Jerusalem",
  "South Africa Standard Time": "Africa/Johannesburg",
  "Arabian Standard Time": "Asia/Dubai",
  "India Standard Time": "Asia/Kolkata",
  "China Standard Time": "Asia/Shanghai",
  "Singapore Standard Time": "Asia/Singapore",
  "Korea Standard Time": "Asia/Seoul",
  "Tokyo Standard Time": "Asia/Tokyo",
  "AUS Eastern Standard Time": "Australia/Sydney",
  "New Zealand Standard Time": "Pacific/Auckland",
  "Eastern Standard Time": "America/New_York",
  "Central Standard Time": "America/Chicago",
  "Mountain Standard Time": "America/Denver",
  "US Mountain Standard Time": "America/Phoenix",
  "Pacific Standard Time": "America/Los_Angeles",
  "Alaskan Standard Time": "America/Anchorage",
  "Hawaiian Standard Time": "Pacific/Honolulu",
  "Atlantic Standard Time": "America/Halifax",
  "E. South America Standard Time": "America/Sao_Paulo",
  UTC: "UTC",
  "Coordinated Universal Time": "UTC",
};

/**
 * The IANA zone a TZID stands for: an IANA name as is, a Windows name through the CLDR table, or
 * the IANA name at the end of a vendor prefix (`/mozilla.org/20050126_1/Europe/Berlin`); null
 * when it names nothing this Node.js knows.
 */
export function resolveTimeZone(tzid: string): string | null {
  const name = tzid.trim().replace(/^"(.*)"$/, "$1");
  if (name === "") return null;
  const windows = WINDOWS_ZONES[name];
  if (windows !== undefined) return windows;
  if (isIanaZone(name)) return name;
  const segments = name.split("/").filter((segment) => segment !== "");
  for (const take of [3, 2]) {
    if (segments.length <= take) continue;
    const candidate = segments.slice(-take).join("/");
    if (isIanaZone(candidate)) return candidate;
  }
  return null;
}
