import { writeFile } from "node:fs/promises";
import { configJsonSchema } from "../config/config-json-schema.ts";

// Regenerates feeds.schema.json after a change to src/config/schema.ts (a test checks it is current).
const path = new URL("../../feeds.schema.json", import.meta.url);
await writeFile(path, configJsonSchema());
console.log(`Wrote ${path.pathname}`);
