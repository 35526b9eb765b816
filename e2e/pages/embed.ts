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

  /** Opens the embed view, with `scenario` in the hash when given and more `params` in the query. */
  async open(scenario?: string, params = ""): Promise<void> {
    await this.page.goto(embedPath(scenario, params));
    await expect(this.swimlanes.svg).toBeVisible();
  }
}

/** The path of the embed view for `scenario` with extra query `params` (`autoplay=1&loop=…`). */
export function embedPath(scenario?: string, params = ""): string {
  return `/?embed=1${params ? `&${params}` : ""}${scenario === undefined ? "" : encodeScenarioHash(scenario)}`;
}
