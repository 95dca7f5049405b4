import { defineConfig } from "vite";

// The console is served by dashboard-backend at "/" (same origin as /api/v1): the Maven build copies dist/ into
// target/classes/META-INF/resources. `npm run dev` proxies /api to a backend on :8080.
export default defineConfig({
  base: "/",
  oxc: { jsx: { runtime: "automatic" } },
  build: {
    // the Maven build sets CONSOLE_OUT_DIR to target/classes/META-INF/resources (nothing else lives there)
    outDir: process.env.CONSOLE_OUT_DIR ?? "dist",
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 400,
    rolldownOptions: {
      // rjsf marks its modules "use client" (a React Server Components directive, meaningless in an SPA bundle)
      onwarn(warning, warn) {
        if (warning.code === "MODULE_LEVEL_DIRECTIVE") return;
        warn(warning);
      },
    },
  },
  server: { proxy: { "/api": "http://127.0.0.1:8080" } },
});
