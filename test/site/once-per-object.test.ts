import { expect, it } from "vitest";
import { oncePerObject } from "../../src/site/once-per-object.ts";

it("computes once per object, including a falsy result, and anew for another object", () => {
  const calls: object[] = [];
  const count = oncePerObject((key: { n: number }) => {
    calls.push(key);
    return key.n;
  });
  const zero = { n: 0 };
  const one = { n: 1 };
  expect([count(zero), count(zero), count(one), count({ n: 0 })]).toEqual([0, 0, 1, 0]);
  expect(calls).toHaveLength(3);
});

it("shares one memo between functions given the same map", () => {
  const memo = new WeakMap<object, string>();
  const first = oncePerObject(() => "first", memo);
  const second = oncePerObject(() => "second", memo);
  const key = {};
  expect(first(key)).toBe("first");
  expect(second(key)).toBe("first");
});
