import { describe, expect, it } from "vitest";
import { userAgentFor } from "../../src/fetch/user-agent.ts";

describe("userAgentFor", () => {
  it("names the planet and its link", () => {
    expect(userAgentFor("NixOS Planet", "https://planet.nixos.org/")).toBe(
      "NixOS Planet (+https://planet.nixos.org/; planet feed aggregator)",
    );
  });

  it("keeps the header valid whatever the title holds", () => {
    const ua = userAgentFor("Planète\r\nX-Evil: 1 ☃", "https://p.example/");
    expect(ua).toBe("Planete X-Evil: 1 (+https://p.example/; planet feed aggregator)");
    expect(() => new Headers({ "User-Agent": ua })).not.toThrow();
  });
});
