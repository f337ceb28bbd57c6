import { describe, expect, it } from "vitest";
import {
  fromStoredEvent,
  storedEventSchema,
  toStoredEvent,
} from "../../src/events/stored-event.ts";
import { sampleEvent } from "./event-fixtures.ts";

describe("stored events", () => {
  it("round-trip through JSON and the schema with dates at the same instant", () => {
    const event = sampleEvent({ recurrenceId: "2017-03-31T17:00:00.000Z", end: null });
    const json: unknown = JSON.parse(JSON.stringify(toStoredEvent(event)));
    const parsed = storedEventSchema.parse(json);
    expect(fromStoredEvent(parsed)).toEqual(event);
  });

  it("refuses a record with an unknown kind or a bad date", () => {
    const stored = toStoredEvent(sampleEvent());
    expect(storedEventSchema.safeParse({ ...stored, kind: "party" }).success).toBe(false);
    expect(storedEventSchema.safeParse({ ...stored, start: "soon" }).success).toBe(false);
    expect(storedEventSchema.safeParse({ ...stored, status: "maybe" }).success).toBe(false);
  });
});
