import { fileURLToPath } from "node:url";
import { readBuildEnvironment } from "../build/build-environment.ts";
import { buildSite } from "../build/build-site.ts";
import { createConsoleLog } from "./console-log.ts";
import { reportFailure, summarize } from "./report.ts";

const root = fileURLToPath(new URL("../../", import.meta.url));
const started = Date.now();
const progress = createConsoleLog(process.stderr);
try {
  const env = readBuildEnvironment(process.env, root);
  const summary = await buildSite(env, progress.log);
  progress.end();
  console.log(summarize(summary, Date.now() - started));
} catch (error) {
  progress.end();
  process.exitCode = reportFailure(error);
}
