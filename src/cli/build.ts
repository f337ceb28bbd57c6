// npm run build [-- --json | --quiet | --verbose]
import { enableCompileCache } from "node:module";

// A planet rebuilds every few minutes, and loading its modules (type stripping and compiling
// several hundred of them, Astro's included) cost more than an offline build's own work. Node
// keeps that work on disk, in the OS temp folder or NODE_COMPILE_CACHE; if it cannot, the
// build runs as before. Enabled before anything else is imported, so it covers every module.
enableCompileCache();
await import("./build-command.ts");
