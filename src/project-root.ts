import { fileURLToPath } from "node:url";

/**
 * The project's folder, with src/, public/, node_modules/ and the lock file. Paths into the project
 * start here rather than at each module's own URL: the build runs bundled from the cache
 * (cli/kept-program.ts), where every module's URL is its bundle file's, and the bundler writes
 * this value in.
 */
export const PROJECT_ROOT = fileURLToPath(new URL("../", import.meta.url));
