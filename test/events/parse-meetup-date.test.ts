import { describe, expect, it } from "vitest";
import { completeMeetupDate, parseMeetupDateLine } from "../../src/events/parse-meetup-date.ts";

const announcedOn = (year: number, month: number, day: number) => ({
  year,
  month,
  day,
  hour: 12,
  minute: 0,
  second: 0,
});

describe("parseMeetupDateLine", () => {
  it("reads Meetup's lines", () => {
    expect(parseMeetupDateLine("Saturday, March 25 at 11:00 AM")).toEqual({
      month: 3,
      day: 25,
      year: null,
      weekday: 6,
      hour: 11,
      minute: 0,
    });
    expect(parseMeetupDateLine("Friday, March 31 at 7:00 PM")).toMatchObject({
      hour: 19,
      weekday: 5,
    });
    expect(parseMeetupDateLine("Wednesday, March 29 at 12:30 AM")).toMatchObject({
      hour: 0,
      minute: 30,
    });
    expect(parseMeetupDateLine("Thursday, April 13 at 12:00 PM")).toMatchObject({ hour: 12 });
  });

  it("reads a written year, a 24-hour time and abbreviations", () => {
    expect(parseMeetupDateLine("Sat, Mar 25, 2017 at 19:30")).toMatchObject({
      month: 3,
      day: 25,
      year: 2017,
      hour: 19,
      minute: 30,
    });
    expect(parseMeetupDateLine("Tuesday, September 5 at 7 PM")).toMatchObject({
      month: 9,
      hour: 19,
    });
  });

  it("refuses lines that are not dates", () => {
    for (const line of [
      "München - Germany",
      "NixOS 17.03 will be released on March 30, 2017.",
      "Time to party on March 31, 2017!",
      "Saturday, Marsh 25 at 11:00 AM",
      "Saturday, March 25 at 13:00 PM",
      "March 25 at 19",
    ]) {
      expect(parseMeetupDateLine(line), line).toBeNull();
    }
  });
});

describe("completeMeetupDate", () => {
  const line = (text: string) => {
    const date = parseMeetupDateLine(text);
    if (date === null) throw new Error(text);
    return date;
  };

  it("takes the first such date on or after the announcement", () => {
    expect(
      completeMeetupDate(line("Saturday, March 25 at 11:00 AM"), announcedOn(2017, 3, 20)),
    ).toEqual({
      year: 2017,
      month: 3,
      day: 25,
      hour: 11,
      minute: 0,
      second: 0,
    });
    expect(
      completeMeetupDate(line("Saturday, January 14 at 2:00 PM"), announcedOn(2016, 12, 20))?.year,
    ).toBe(2017);
  });

  it("counts the announcement's own day as on or after it", () => {
    expect(
      completeMeetupDate(line("Wednesday, April 5 at 7:30 PM"), announcedOn(2017, 4, 5))?.year,
    ).toBe(2017);
  });

  it("prefers the next year when only it has the named weekday", () => {
    // 2017-03-24 is a Friday, 2018-03-24 a Saturday.
    expect(
      completeMeetupDate(line("Saturday, March 24 at 11:00 AM"), announcedOn(2017, 1, 10))?.year,
    ).toBe(2018);
  });

  it("waits for a leap year for February 29", () => {
    expect(
      completeMeetupDate(line("Saturday, February 29 at 7:00 PM"), announcedOn(2017, 3, 1))?.year,
    ).toBe(2020);
  });

  it("keeps a written year and refuses a date that cannot exist", () => {
    expect(completeMeetupDate(line("March 25, 2019 at 10:00"), announcedOn(2017, 3, 1))?.year).toBe(
      2019,
    );
    expect(
      completeMeetupDate(line("February 30, 2017 at 10:00"), announcedOn(2017, 1, 1)),
    ).toBeNull();
  });
});
