import ICAL from "ical.js";

const DAY_S = 24 * 3600;

/** Seconds in one step of each frequency whose periods are all the same length in wall-clock time. */
const FIXED_PERIOD_S: Readonly<Record<string, number>> = {
  SECONDLY: 1,
  MINUTELY: 60,
  HOURLY: 3600,
  DAILY: DAY_S,
  WEEKLY: 7 * DAY_S,
};

/** Where expansion starts, and whether it had to skip occurrences inside the window to get there. */
export interface ExpansionStart {
  /** The DTSTART to expand from: the series' own, or one moved forward by whole periods. */
  dtstart: ICAL.Time;
  /** Occurrences in the window that exceed the step budget: expansion is centred on `now`. */
  centred: boolean;
}

/**
 * A DTSTART from which expanding the series gives the same occurrences from `from` on, so that a
 * daily meeting since 1970 costs no more than one since last month. Only a single RRULE of a
 * fixed-period frequency without COUNT can be moved: it is shifted by whole INTERVALs (in local
 * time, so DST keeps its wall-clock hour), landing before `from`; BYxxx parts select the same
 * instants in every such period. When even the window holds more steps than `budget`, the start
 * moves to half the budget before `now`, so the occurrences nearest now are the ones kept.
 */
export function expansionStart(
  master: ICAL.Component,
  dtstart: ICAL.Time,
  span: { from: Date; to: Date; now: Date },
  budget: number,
): ExpansionStart {
  const unchanged = { dtstart, centred: false };
  const rules = master.getAllProperties("rrule");
  const rule = rules[0]?.getFirstValue();
  if (rules.length !== 1 || !(rule instanceof ICAL.Recur) || rule.count) return unchanged;
  const periodS = FIXED_PERIOD_S[rule.freq];
  if (periodS === undefined) return unchanged;
  const stepS = periodS * Math.max(1, rule.interval || 1);
  const startS = dtstart.toUnixTime();
  // DTSTART's wall-clock reading may be up to a day off the instant, and the moved DTSTART is
  // itself listed by ical.js though BYxxx parts may not select it: land two days early.
  const centred = (span.to.getTime() - span.from.getTime()) / 1000 / stepS > budget;
  const targetS = centred
    ? span.now.getTime() / 1000 - (budget / 2) * stepS
    : span.from.getTime() / 1000 - 2 * DAY_S;
  const steps = Math.floor((targetS - 2 * DAY_S - startS) / stepS);
  if (steps <= 0) return unchanged;
  const moved = dtstart.clone();
  const shiftS = steps * stepS;
  moved.adjust(Math.floor(shiftS / DAY_S), 0, 0, shiftS % DAY_S);
  return { dtstart: moved, centred };
}
