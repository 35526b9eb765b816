/**
 * Entry point of the page. Everything imported statically here is the start-up download of both
 * the playground and the embed view; the Monaco editor is reachable only through the dynamic
 * import inside `editor/YamlEditor.tsx`, which the embed view never renders.
 */
import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App } from "./App.tsx";
import { DEFAULT_EXAMPLE } from "./examples.ts";
import { readLaunch } from "./launch.ts";
import { initTheme } from "./theme.ts";
import "./styles.css";

initTheme();
const launch = readLaunch(window.location, DEFAULT_EXAMPLE.text);
document.documentElement.dataset.mode = launch.mode;
const root = document.getElementById("root");
if (!root) throw new Error("index.html has no #root element");
createRoot(root).render(
  <StrictMode>
    <App launch={launch} />
  </StrictMode>,
);
