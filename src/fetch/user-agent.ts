/**
 * The User-Agent the planet sends, naming itself and where its owner can be found, e.g.
 * `NixOS Planet (+https://planet.nixos.org/; planet feed aggregator)`.
 */
export function userAgentFor(planetTitle: string, planetLink: string): string {
  const title = toHeaderText(planetTitle) || "Planet";
  const link = toHeaderText(planetLink);
  const contact = link ? `+${link}; ` : "";
  return `${title} (${contact}planet feed aggregator)`;
}

/** Header values must be printable ASCII here: accents are folded, anything else dropped. */
function toHeaderText(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/\s+/g, " ")
    .replace(/[^\x20-\x7e]|[()]/g, "")
    .replace(/ {2,}/g, " ")
    .trim();
}
