/**
 * The banner shown when a gallery example would replace a scenario that is not one of the
 * examples: it asks first, and once the example is open it offers to go back to the work (which
 * also stays saved in this browser).
 */
import { useMessages } from "./i18n/i18n.tsx";

export function ExamplePrompt(props: {
  /** Title of the example waiting for an answer; undefined once it is open. */
  asking: string | undefined;
  onOpen: () => void;
  onKeep: () => void;
  onUndo: () => void;
}) {
  const m = useMessages();
  return (
    <section className="banner share-prompt" data-testid="example-prompt">
      {props.asking !== undefined ? (
        <>
          <p role="status">{m.examplePromptText(props.asking)}</p>
          <button type="button" onClick={props.onOpen} data-testid="example-prompt-open">
            {m.examplePromptOpen}
          </button>
          <button type="button" onClick={props.onKeep} data-testid="example-prompt-keep">
            {m.keepMyWork}
          </button>
        </>
      ) : (
        <>
          <button type="button" onClick={props.onUndo} data-testid="example-undo">
            {m.exampleUndo}
          </button>
          <button
            type="button"
            onClick={props.onKeep}
            aria-label={m.close}
            data-testid="example-prompt-close"
          >
            ✕
          </button>
        </>
      )}
    </section>
  );
}
