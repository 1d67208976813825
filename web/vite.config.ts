import { defineConfig } from "vite";

// Built into web/dist, which `jobfit serve` serves. Everything is bundled: no CDN, works offline.
export default defineConfig({
  base: "/",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    target: "es2022",
  },
});
