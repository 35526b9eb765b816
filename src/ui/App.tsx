/** Chooses the view the page was opened for. */
import { EmbedView } from "./EmbedView.tsx";
import type { Launch } from "./launch.ts";
import { Playground } from "./Playground.tsx";

export function App({ launch }: { launch: Launch }) {
  return launch.mode === "embed" ? <EmbedView launch={launch} /> : <Playground launch={launch} />;
}
