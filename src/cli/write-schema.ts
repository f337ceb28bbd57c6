import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { configJsonSchema } from "../config/config-json-schema.ts";
import { PROJECT_ROOT } from "../project-root.ts";

// Regenerates feeds.schema.json after a change to src/config/schema.ts (a test checks it is current).
const path = join(PROJECT_ROOT, "feeds.schema.json");
await writeFile(path, configJsonSchema());
console.log(`Wrote ${path}`);
