import { expect, type Page } from "@playwright/test";
import { encodeScenarioHash } from "../../src/share/scenario-hash.ts";
import { Panels } from "./panels.ts";
import { Swimlanes } from "./swimlanes.ts";
import { DetailsPanel, PlaybackBar } from "./timeline.ts";

/** The embed view (`?embed=1`): swimlanes only. */
export class EmbedPage {
  readonly swimlanes: Swimlanes;
  readonly playback: PlaybackBar;
  readonly details: DetailsPanel;
  readonly panels: Panels;

  constructor(readonly page: Page) {
    this.playback = new PlaybackBar(page);
    this.details = new DetailsPanel(page);
    this.panels = new Panels(page);
    this.swimlanes = new Swimlanes(page);
  }

  /** Opens the embed view, with `scenario` in the hash when given. */
  async open(scenario?: string): Promise<void> {
    await this.page.goto(`/?embed=1${scenario === undefined ? "" : encodeScenarioHash(scenario)}`);
    await expect(this.swimlanes.svg).toBeVisible();
  }
}
