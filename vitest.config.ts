import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The browser checks have their own run: npm run test:browser (vitest.browser.config.ts).
    exclude: ["test/browser/**"],
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
