/**
 * Entry point of the page. Everything imported statically here is the start-up download of both
 * the playground and the embed view; each view is its own chunk, imported for the mode the page was
 * opened in (`?embed=1` or not), so the embed view downloads none of the playground's code (editor
 * host, console, gallery, examples, share dialog). The Monaco editor itself is reachable only
 * through the dynamic import inside `editor/YamlEditor.tsx`.
 *
 * A new link pasted into the same tab changes only the hash, which reloads nothing: the app
 * follows `hashchange` by starting over from the new location (the playground's own hash
 * updates use `history.replaceState`, which fires no such event).
 */
import { type ComponentType, StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { DEFAULT_SCENARIO_TEXT } from "./default-scenario.ts";
import { LanguageProvider, loadLanguage } from "./i18n/i18n.tsx";
import { pickLanguage } from "./i18n/language.ts";
import { type Launch, readLaunch } from "./launch.ts";
import { initTheme } from "./theme.ts";
import "./styles.css";

const first = readLaunch(window.location, DEFAULT_SCENARIO_TEXT);
initTheme(first.view.theme);
const lang = pickLanguage(first.view.lang, navigator.languages ?? [navigator.language]);
document.documentElement.lang = lang === "zh" ? "zh-CN" : "en";
document.documentElement.dataset.mode = first.mode;
const rootElement = document.getElementById("root");
if (!rootElement) throw new Error("index.html has no #root element");
const root = createRoot(rootElement);

// The mode lives in the query, which a hash change keeps: one view for the page's life. The view's
// chunk and a language other than English load side by side.
const [View] = await Promise.all([
  first.mode === "embed"
    ? import("./EmbedView.tsx").then((m): ComponentType<{ launch: Launch }> => m.EmbedView)
    : import("./Playground.tsx").then((m): ComponentType<{ launch: Launch }> => m.Playground),
  loadLanguage(lang),
]);

let generation = 0;
const render = () => {
  const launch = generation === 0 ? first : readLaunch(window.location, DEFAULT_SCENARIO_TEXT);
  generation += 1;
  root.render(
    <StrictMode>
      <LanguageProvider lang={lang}>
        <View key={generation} launch={launch} />
      </LanguageProvider>
    </StrictMode>,
  );
};
render();
window.addEventListener("hashchange", render);
