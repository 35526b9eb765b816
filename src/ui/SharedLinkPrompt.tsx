/**
 * The banner shown when a link's scenario differs from the work saved in this browser: it asks
 * before replacing anything, and says that the local work stays saved whichever is chosen.
 */
import { useMessages } from "./i18n/i18n.tsx";

export function SharedLinkPrompt({
  onOpenShared,
  onKeepMine,
}: {
  onOpenShared: () => void;
  onKeepMine: () => void;
}) {
  const m = useMessages();
  return (
    <section className="banner share-prompt" aria-labelledby="share-prompt-text" data-testid="share-prompt">
      <p id="share-prompt-text" role="status">
        {m.sharePromptText}
      </p>
      <button type="button" onClick={onOpenShared} data-testid="share-prompt-open">
        {m.sharePromptOpen}
      </button>
      <button type="button" onClick={onKeepMine} data-testid="share-prompt-keep">
        {m.keepMyWork}
      </button>
    </section>
  );
}
