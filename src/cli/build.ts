import { fileURLToPath } from "node:url";
import { readBuildEnvironment } from "../build/build-environment.ts";
import { buildSite } from "../build/build-site.ts";
import { reportFailure, summarize } from "./report.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const started = Date.now();
try {
  const env = readBuildEnvironment(process.env, root);
  const summary = await buildSite(env, (line) => console.error(line));
  console.log(summarize(summary, Date.now() - started));
} catch (error) {
  process.exitCode = reportFailure(error);
}
