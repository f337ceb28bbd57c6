import { describe, expect, it } from "vitest";
import { classifyEvent } from "../../src/events/classify-kind.ts";
import type { EventKind } from "../../src/model/event.ts";

/** Titles shaped like the NixOS community's real events, with the kind each should get. */
const TITLES: ReadonlyArray<[string, EventKind]> = [
  ["NixOS 17.03 Release Sprint", "sprint"],
  ["NixOS 17.03 Release Party", "release-party"],
  ["NixOS 18.09 release party", "release-party"],
  ["NixOS 19.03 Release-Party in Berlin", "release-party"],
  ["Launch party: NixOS 20.03 Markhor", "release-party"],
  ["Releaseparty 17.09", "release-party"],
  ["guix/guixSD: Talk & Discussion", "talk"],
  ["Lightning talks", "talk"],
  ["Munich NixOS Meetup: Lightning Talks", "talk"],
  ["Vortrag: Reproduzierbare Builds mit Nix", "talk"],
  ["Zwei Vorträge über NixOps", "talk"],
  ["Presentation: Nix at work", "talk"],
  ["Tech talk – Hydra internals", "talk"],
  ["NixCon 2017", "talk"],
  ["NixCon 2018 Call for Papers closes", "talk"],
  ["Nix workshop for beginners", "talk"],
  ["Nix Hackathon Paris", "sprint"],
  ["Berlin NixOS Hackday", "sprint"],
  ["Hack day at c-base", "sprint"],
  ["ZurichHac 2017", "sprint"],
  ["ZuriHac 2018", "sprint"],
  ["Zero Hydra Failures sprint for 18.03", "sprint"],
  ["ZHF 20.09 kickoff", "sprint"],
  ["Nixpkgs bug squashing weekend", "sprint"],
  ["NixOS Sprint: documentation", "sprint"],
  ["Munich NixOS Meetup #12", "meetup"],
  ["Berlin NixOS Meetup – December", "meetup"],
  ["NixOS Stammtisch", "meetup"],
  ["Augsburg NixOS Meetup", "meetup"],
  ["Nix Social", "meetup"],
  ["Tokyo NixOS Meetup #3", "meetup"],
  ["NixOS Tokyo 勉強会", "meetup"],
  ["Nix もくもく会", "meetup"],
  ["NixOS ハッカソン", "sprint"],
  ["Nix meetup: 発表とLT", "talk"],
  ["Nix Stammtisch Hamburg", "meetup"],
  ["Get-together after FOSDEM", "meetup"],
  ["Reproducible Builds Summit booth duty", "meetup"],
];

describe("classifyEvent", () => {
  it.each(TITLES)("%s → %s", (title, kind) => {
    expect(classifyEvent(title, "", [])).toBe(kind);
  });

  it("reads whole words only", () => {
    expect(classifyEvent("Nix and the stalker problem", "", [])).toBe("meetup");
    expect(classifyEvent("Sprinter van rental for NixCon crew", "", [])).toBe("talk");
  });

  it("falls back to categories, then the description", () => {
    expect(classifyEvent("NixOS 17.09", "", ["Release Party"])).toBe("release-party");
    expect(classifyEvent("Augsburger Linux-Infotag", "a conference with about 20 talks", [])).toBe(
      "talk",
    );
    expect(classifyEvent("Friday evening", "The goal of this sprint is to fix bugs.", [])).toBe(
      "sprint",
    );
  });

  it("lets the title decide before the description", () => {
    expect(classifyEvent("Munich NixOS Meetup", "John will give a talk about guix", [])).toBe(
      "meetup",
    );
  });

  it("does not take a group name in the description for a kind", () => {
    expect(
      classifyEvent("Nix flakes", "Munich NixOS Meetup\nFriday at 7", [], { defaultKind: "talk" }),
    ).toBe("talk");
  });

  it("uses the owner's default kind when nothing matches", () => {
    expect(classifyEvent("Nix flakes deep dive", "", [])).toBe("meetup");
    expect(classifyEvent("Nix flakes deep dive", "", [], { defaultKind: "talk" })).toBe("talk");
  });

  it("lets the owner's keywords win over the built-in ones", () => {
    const rules = { keywords: { talk: ["Meetup"], sprint: ["Codefest", "C++ night"] } };
    expect(classifyEvent("Munich NixOS Meetup #12", "", [], rules)).toBe("talk");
    expect(classifyEvent("Nix Codefest", "", [], rules)).toBe("sprint");
    expect(classifyEvent("Monthly C++ night", "", [], rules)).toBe("sprint");
    expect(classifyEvent("NixOS Release Party", "", [], rules)).toBe("release-party");
  });

  it("takes an owner's keyword with a hyphen or a slash as written", () => {
    const rules = { keywords: { sprint: ["docs-day", "wiki/cleanup"] } };
    expect(classifyEvent("Nix docs-day in Munich", "", [], rules)).toBe("sprint");
    expect(classifyEvent("The wiki/cleanup", "", [], rules)).toBe("sprint");
    expect(classifyEvent("Nix docs day", "", [], rules)).toBe("meetup");
  });
});
