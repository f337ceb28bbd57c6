import * as z from "zod";
import { configSchema } from "./schema.ts";

/** feeds.schema.json: the zod schema as JSON Schema, for editors to complete and check feeds.json. */
export function configJsonSchema(): string {
  const schema = z.toJSONSchema(configSchema, { io: "input", unrepresentable: "any" });
  return `${JSON.stringify({ ...schema, title: "Planet configuration (feeds.json)" }, null, 2)}\n`;
}
