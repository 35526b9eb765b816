/** The gallery of built-in scenarios: the tutorial's demos first, then one scenario per concept. */
import { useRef } from "react";
import { EXAMPLES, type Example } from "./examples.ts";
import { exampleText } from "./i18n/example-text.ts";
import { useLanguage, useMessages } from "./i18n/i18n.tsx";

export function Gallery({ onPick }: { onPick: (id: string) => void }) {
  const m = useMessages();
  const lang = useLanguage();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const group = (g: Example["group"]) => EXAMPLES.filter((e) => e.group === g);
  const pick = (id: string) => {
    dialogRef.current?.close();
    onPick(id);
  };
  return (
    <>
      <button
        type="button"
        className="gallery-open"
        onClick={() => dialogRef.current?.showModal()}
        data-testid="gallery-open"
      >
        {m.gallery}
      </button>
      <dialog ref={dialogRef} className="gallery" data-testid="gallery" aria-labelledby="gallery-title">
        <header>
          <h2 id="gallery-title">{m.gallery}</h2>
          <button type="button" onClick={() => dialogRef.current?.close()} aria-label={m.closeGallery}>
            ✕
          </button>
        </header>
        {(
          [
            ["tutorial", m.fromTutorial],
            ["concept", m.oneConcept],
            ["workload", m.underLoad],
          ] as const
        ).map(([g, title]) => (
          <section key={g} aria-label={title}>
            <h3>{title}</h3>
            <ul>
              {group(g)
                .map((e) => ({ id: e.id, ...exampleText(e, lang) }))
                .map((e) => (
                  <li key={e.id}>
                    <button type="button" onClick={() => pick(e.id)} data-testid={`gallery-item-${e.id}`}>
                      <strong>{e.title}</strong>
                      <span>{e.summary[0]}</span>
                      <span>{e.summary[1]}</span>
                    </button>
                  </li>
                ))}
            </ul>
          </section>
        ))}
      </dialog>
    </>
  );
}
