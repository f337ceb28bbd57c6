import { defineConfig } from "vitest/config";

// `npm run test:browser`: the built demo planet in headless Chromium (axe-core, the Nu HTML
// checker, keyboard and layout checks). Kept apart so `npm test` stays fast.
export default defineConfig({
  test: {
    include: ["test/browser/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
