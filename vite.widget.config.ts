import { fileURLToPath } from "node:url";
import { defineConfig, type Plugin } from "vite";

const transportsId = "\0parley-widget-transports";
const websocketTransport = fileURLToPath(
  new URL("./node_modules/engine.io-client/build/esm/transports/websocket.js", import.meta.url),
);

/**
 * The widget connects with `transports: ["websocket"]` only, yet engine.io-client's socket imports
 * every transport (HTTP long-polling, WebTransport) by default. Its transport table is swapped for one
 * with the WebSocket transport alone (a few KB less). Should the library's layout change, nothing
 * matches and the full table is bundled: larger, still working.
 */
const websocketOnly = (): Plugin => ({
  name: "parley-widget-websocket-only",
  enforce: "pre",
  resolveId(source, importer) {
    if (source !== "./transports/index.js" || !importer) return null;
    return /engine\.io-client[\\/]build[\\/]esm[\\/]socket\.js$/.test(importer) ? transportsId : null;
  },
  load(id) {
    if (id !== transportsId) return null;
    return `import { WS } from ${JSON.stringify(websocketTransport)};\nexport const transports = { websocket: WS };\n`;
  },
});

/**
 * The visitor's chat widget: one self-contained script (`dist/widget/widget.js`) that any site embeds
 * with one tag. No code splitting, no framework; socket.io-client is the only library inside.
 */
export default defineConfig({
  publicDir: false,
  plugins: [websocketOnly()],
  build: {
    outDir: "dist/widget",
    emptyOutDir: true,
    sourcemap: false,
    minify: true,
    target: "es2022",
    copyPublicDir: false,
    lib: {
      entry: "widget/main.ts",
      name: "ParleyWidgetBundle",
      formats: ["iife"],
      fileName: () => "widget.js",
    },
    rolldownOptions: {
      output: {
        codeSplitting: false,
      },
    },
  },
});
