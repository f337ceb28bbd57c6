import { EVENT_KINDS, type EventKind } from "../model/event.ts";
import { escapeRegExp } from "../text/escape-reg-exp.ts";

/** A site owner's additions to classification, per event source (feeds.json). */
export interface KindRules {
  /** The kind when nothing matches (default "meetup"). */
  defaultKind?: EventKind;
  /** Extra words or phrases per kind, matched as whole words, case-insensitively; they win over the built-in ones. */
  keywords?: Partial<Record<EventKind, string[]>>;
}

/**
 * Built-in patterns (regular-expression source, matched as whole words, case-insensitively).
 * "…Hac" covers ZuriHac/MuniHac-style hackathons; CJK words are matched anywhere.
 */
const BUILT_IN: Readonly<Record<EventKind, readonly string[]>> = {
  sprint: [
    "sprints?",
    "hackathons?",
    "hack ?(?:days?|fest|nights?|weekends?)",
    "hackfests?",
    "hacking",
    "\\p{L}+hac",
    "zero hydra failures",
    "zhf",
    "bug ?(?:squash|bash)\\p{L}*",
    "code ?camps?",
    "ハッカソン",
  ],
  "release-party": [
    "release ?part(?:y|ies)",
    "release-part(?:y|ies)",
    "launch part(?:y|ies)",
    "release celebrations?",
    "release-?feier",
    "リリースパーティー?",
  ],
  talk: [
    "talks?",
    "lightning talks?",
    "tech ?talks?",
    "vortr(?:a|ä)g(?:e)?",
    "kurzvortr(?:a|ä)g(?:e)?",
    "presentations?",
    "präsentation(?:en)?",
    "lectures?",
    "keynotes?",
    "conference",
    "nixcon",
    "workshops?",
    "発表",
  ],
  meetup: [
    "meet-?ups?",
    "stammtisch",
    "socials?",
    "get-?together",
    "treffen",
    "user group",
    "drinks",
    "勉強会",
    "もくもく会",
  ],
};

// Japanese and Chinese write no spaces between words, so their keywords match anywhere.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;

function wholeWord(source: string): RegExp {
  if (CJK.test(source)) return new RegExp(source, "iu");
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, "iu");
}

const DESCRIPTION_KINDS = EVENT_KINDS.filter((kind) => kind !== "meetup");

const BUILT_IN_PATTERNS = new Map<EventKind, RegExp[]>(
  EVENT_KINDS.map((kind) => [kind, BUILT_IN[kind].map(wholeWord)]),
);

function ownerPatterns(rules: KindRules | undefined): Map<EventKind, RegExp[]> {
  const patterns = new Map<EventKind, RegExp[]>();
  for (const kind of EVENT_KINDS) {
    const words = (rules?.keywords?.[kind] ?? []).map((word) => word.trim()).filter(Boolean);
    patterns.set(
      kind,
      words.map((word) => wholeWord(escapeRegExp(word))),
    );
  }
  return patterns;
}

function matchKind(
  text: string,
  patterns: Map<EventKind, RegExp[]>,
  kinds: readonly EventKind[] = EVENT_KINDS,
): EventKind | null {
  for (const kind of kinds) {
    if (patterns.get(kind)?.some((pattern) => pattern.test(text))) return kind;
  }
  return null;
}

/**
 * The kind of an event. The title decides first, then the categories, then the description;
 * within each, the owner's keywords before the built-in ones, and sprint before release party
 * before talk before meetup (so a "Release Sprint" is a sprint). Nothing matching: the owner's
 * default kind, else "meetup". A description naming "… Meetup" is usually the group's name, so
 * the built-in meetup words count in titles and categories only.
 */
export function classifyEvent(
  title: string,
  description: string,
  categories: string[],
  rules?: KindRules,
): EventKind {
  const owner = ownerPatterns(rules);
  const fields = [
    { text: title, builtIn: EVENT_KINDS },
    { text: categories.join(" · "), builtIn: EVENT_KINDS },
    { text: description, builtIn: DESCRIPTION_KINDS },
  ];
  for (const { text, builtIn } of fields) {
    const kind = matchKind(text, owner) ?? matchKind(text, BUILT_IN_PATTERNS, builtIn);
    if (kind !== null) return kind;
  }
  return rules?.defaultKind ?? "meetup";
}
