import { expect, type Page } from "@playwright/test";
import { encodeScenarioHash } from "../../src/share/scenario-hash.ts";
import { Swimlanes } from "./swimlanes.ts";

/** The embed view (`?embed=1`): swimlanes only. */
export class EmbedPage {
  readonly swimlanes: Swimlanes;

  constructor(readonly page: Page) {
    this.swimlanes = new Swimlanes(page);
  }

  /** Opens the embed view, with `scenario` in the hash when given. */
  async open(scenario?: string): Promise<void> {
    await this.page.goto(`/?embed=1${scenario === undefined ? "" : encodeScenarioHash(scenario)}`);
    await expect(this.swimlanes.svg).toBeVisible();
  }
}
