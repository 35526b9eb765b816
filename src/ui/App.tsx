/** Chooses the view the page was opened for, in the interface language. */

import type { Language } from "../share/view-params.ts";
import { EmbedView } from "./EmbedView.tsx";
import { LanguageProvider } from "./i18n/i18n.tsx";
import type { Launch } from "./launch.ts";
import { Playground } from "./Playground.tsx";

export function App({ launch, lang }: { launch: Launch; lang: Language }) {
  return (
    <LanguageProvider lang={lang}>
      {launch.mode === "embed" ? <EmbedView launch={launch} /> : <Playground launch={launch} />}
    </LanguageProvider>
  );
}
