import { defineConfig } from "vitest/config";

/** Unit tests run in Node: the simulator, the worker protocol, the layout and the SVG renderer. */
export default defineConfig({
  test: {
    environment: "node",
    include: ["src/**/*.test.ts", "scripts/**/*.test.ts"],
    exclude: ["e2e/**", "node_modules/**", "dist/**"],
  },
});
