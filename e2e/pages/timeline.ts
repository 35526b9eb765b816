import type { Locator, Page } from "@playwright/test";

/** The playback toolbar. */
export class PlaybackBar {
  readonly toolbar: Locator;
  readonly playToggle: Locator;
  readonly stepNext: Locator;
  readonly stepPrevious: Locator;
  readonly speed: Locator;
  readonly time: Locator;
  readonly jumpInput: Locator;

  constructor(readonly page: Page) {
    this.toolbar = page.getByTestId("playback");
    this.playToggle = page.getByTestId("play-toggle");
    this.stepNext = page.getByTestId("step-next");
    this.stepPrevious = page.getByTestId("step-previous");
    this.speed = page.getByTestId("speed");
    this.time = page.getByTestId("playhead-time");
    this.jumpInput = page.getByTestId("jump-input");
  }

  /** Types a time into the jump box and presses Enter. */
  async jumpTo(time: string): Promise<void> {
    await this.jumpInput.fill(time);
    await this.jumpInput.press("Enter");
  }

  /** The playhead's time as shown (`1m30s / 5m` → `1m30s`). */
  async shownTime(): Promise<string> {
    return ((await this.time.textContent()) ?? "").split("/")[0]!.trim();
  }
}

/** The details panel: what the selected item is, and why it happened. */
export class DetailsPanel {
  readonly panel: Locator;
  readonly heading: Locator;
  readonly why: Locator;
  readonly time: Locator;

  constructor(readonly page: Page) {
    this.panel = page.getByTestId("details");
    this.heading = page.getByTestId("details-heading");
    this.why = page.getByTestId("details-why");
    this.time = page.getByTestId("details-time");
  }
}
