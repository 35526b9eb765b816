/**
 * The banner shown when a link's scenario differs from the work saved in this browser: it asks
 * before replacing anything, and says that the local work stays saved whichever is chosen.
 */

export function SharedLinkPrompt({
  onOpenShared,
  onKeepMine,
}: {
  onOpenShared: () => void;
  onKeepMine: () => void;
}) {
  return (
    <section className="banner share-prompt" aria-labelledby="share-prompt-text" data-testid="share-prompt">
      <p id="share-prompt-text" role="status">
        This link holds a different scenario from the work saved in this browser, which is shown for now. Your
        work stays saved either way.
      </p>
      <button type="button" onClick={onOpenShared} data-testid="share-prompt-open">
        Open the shared scenario
      </button>
      <button type="button" onClick={onKeepMine} data-testid="share-prompt-keep">
        Keep my work
      </button>
    </section>
  );
}
