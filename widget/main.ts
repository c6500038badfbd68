import { WidgetApp } from "./app";
import { pickLang } from "./i18n";
import { readIdentity } from "./util";

/**
 * The visitor's chat widget. A site embeds it with
 * `<script src="https://parley.example/widget.js" data-parley-channel="…" async></script>`
 * (optional `data-lang="ru"`, optional `window.parleySettings = { identity: {id, hash, name?, email?} }`).
 * It talks to the origin it was loaded from and lives in the shadow root of `<parley-widget>`.
 */

export interface ParleyWidgetApi {
  open(): void;
  close(): void;
  identify(identity: unknown): void;
}

type ParleyWindow = Window & {
  ParleyWidget?: ParleyWidgetApi;
  parleySettings?: { identity?: unknown };
};

// Read at once: `document.currentScript` is only set while this script first runs.
const current = document.currentScript;

function findScript(): HTMLScriptElement | null {
  if (current instanceof HTMLScriptElement && current.dataset.parleyChannel) return current;
  return document.querySelector<HTMLScriptElement>("script[data-parley-channel]");
}

function boot(): void {
  const w = window as ParleyWindow;
  if (w.ParleyWidget) return; // The script is on the page twice.
  const script = findScript();
  const channelId = script?.dataset.parleyChannel?.trim();
  if (!script || !channelId) {
    console.warn("Parley: the widget's script tag needs data-parley-channel.");
    return;
  }
  let origin: string;
  try {
    origin = new URL(script.src, location.href).origin;
  } catch {
    console.warn("Parley: the widget's script tag has no usable src.");
    return;
  }
  const host = document.createElement("parley-widget");
  const shadow = host.attachShadow({ mode: "open" });
  const lang = pickLang(script.dataset.lang, navigator.language);
  const identity = readIdentity(w.parleySettings?.identity);
  if (w.parleySettings?.identity && !identity) console.warn("Parley: parleySettings.identity needs {id, hash}.");
  const app = new WidgetApp({ origin, channelId, lang, identity, host, shadow });
  w.ParleyWidget = {
    open: () => app.openFromApi(),
    close: () => app.close(),
    identify: (value) => app.identify(value),
  };
  app.start();
}

boot();
