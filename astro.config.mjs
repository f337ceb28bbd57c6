// The publish stage (src/publish) runs Astro programmatically with its own settings; this file serves
// `astro dev` / `astro preview` and editors, and keeps the output static.
import { defineConfig } from "astro/config";

export default defineConfig({
  output: "static",
  trailingSlash: "always",
  build: { format: "directory" },
  devToolbar: { enabled: false },
});
