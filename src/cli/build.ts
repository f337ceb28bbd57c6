// npm run build [-- --json | --quiet | --verbose]
import { enableCompileCache } from "node:module";

// A planet rebuilds every few minutes, and loading its modules (type stripping and compiling
// several hundred of them, Astro's included) cost more than an offline build's own work. Node
// keeps that work on disk, in the OS temp folder or NODE_COMPILE_CACHE; if it cannot, the
// build runs as before. Enabled before anything else is imported, so it covers every module.
enableCompileCache();
const { importProgram } = await import("./kept-program.ts");
const { cacheDirOf } = await import("../pipeline/build-environment.ts");
const { PROJECT_ROOT } = await import("../project-root.ts");

// The command runs on import, from its bundle in the cache when there is one (kept-program.ts).
const COMMAND = "src/cli/build-command.ts";
const program = await importProgram(
  { root: PROJECT_ROOT, cacheDir: cacheDirOf(process.env, PROJECT_ROOT), entries: [COMMAND] },
  COMMAND,
);
if (!process.exitCode) await program.keep();
