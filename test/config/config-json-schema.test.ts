import { readFile } from "node:fs/promises";
import { expect, it } from "vitest";
import { configJsonSchema } from "../../src/config/config-json-schema.ts";

it("feeds.schema.json is the current config schema (run `npm run schema` after changing it)", async () => {
  const committed = await readFile(new URL("../../feeds.schema.json", import.meta.url), "utf8");
  expect(committed).toBe(configJsonSchema());
  const schema = JSON.parse(committed);
  expect(schema.required).toEqual(["title", "link", "feeds"]);
  expect(schema.additionalProperties).toBe(false);
  expect(schema.properties.feeds.items.required).toEqual(["name", "url"]);
});
