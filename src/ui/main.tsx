/**
 * Entry point of the page. Everything imported statically here is the start-up download of both
 * the playground and the embed view; the Monaco editor is reachable only through the dynamic
 * import inside `editor/YamlEditor.tsx`, which the embed view never renders.
 *
 * A new link pasted into the same tab changes only the hash, which reloads nothing: the app
 * follows `hashchange` by starting over from the new location (the playground's own hash
 * updates use `history.replaceState`, which fires no such event).
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { DEFAULT_EXAMPLE } from "./examples.ts";
import { pickLanguage } from "./i18n/language.ts";
import { readLaunch } from "./launch.ts";
import { initTheme } from "./theme.ts";
import "./styles.css";

const first = readLaunch(window.location, DEFAULT_EXAMPLE.text);
initTheme(first.view.theme);
const lang = pickLanguage(first.view.lang, navigator.languages ?? [navigator.language]);
document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
document.documentElement.dataset.mode = first.mode;
const rootElement = document.getElementById("root");
if (!rootElement) throw new Error("index.html has no #root element");
const root = createRoot(rootElement);

let generation = 0;
const render = () => {
  const launch = generation === 0 ? first : readLaunch(window.location, DEFAULT_EXAMPLE.text);
  generation += 1;
  root.render(
    <StrictMode>
      <App key={generation} launch={launch} lang={lang} />
    </StrictMode>,
  );
};
render();
window.addEventListener("hashchange", render);
