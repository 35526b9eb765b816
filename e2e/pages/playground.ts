import { readFileSync } from "node:fs";
import { expect, type Locator, type Page } from "@playwright/test";
import { encodeScenarioHash } from "../../src/share/scenario-hash.ts";
import { GalleryDialog } from "./gallery.ts";
import { Panels } from "./panels.ts";
import { Swimlanes } from "./swimlanes.ts";
import { DetailsPanel, PlaybackBar } from "./timeline.ts";

/** The playground page, in the words of a user: open it, type in the editor, read the views. */
export class PlaygroundPage {
  readonly editor: Locator;
  readonly diagnostics: Locator;
  readonly status: Locator;
  readonly swimlanes: Swimlanes;
  readonly playback: PlaybackBar;
  readonly details: DetailsPanel;
  readonly panels: Panels;
  readonly gallery: GalleryDialog;
  readonly theme: Locator;
  readonly examplePicker: Locator;

  constructor(readonly page: Page) {
    this.playback = new PlaybackBar(page);
    this.details = new DetailsPanel(page);
    this.panels = new Panels(page);
    this.gallery = new GalleryDialog(page);
    this.theme = page.getByTestId("theme");
    this.examplePicker = page.getByTestId("example-picker");
    this.editor = page.getByTestId("editor");
    this.diagnostics = page.getByTestId("diagnostics");
    this.status = page.getByTestId("sim-status");
    this.swimlanes = new Swimlanes(page);
  }

  async open(path = "/"): Promise<void> {
    await this.page.goto(path);
    await expect(this.editor).toHaveAttribute("data-ready", "true");
  }

  /**
   * Opens the playground on a built-in example (through the URL, as a shared link would) and waits
   * for its swimlanes, not for the editor: tests of the views need not wait for Monaco.
   */
  async openExample(id: string): Promise<void> {
    await this.openScenario(
      readFileSync(new URL(`../../src/ui/examples/${id}.yaml`, import.meta.url), "utf8"),
    );
  }

  /** Opens the playground with `scenario` in the URL's hash and waits for its swimlanes. */
  async openScenario(scenario: string): Promise<void> {
    await this.page.goto(`/${encodeScenarioHash(scenario)}`);
    await expect(this.swimlanes.svg.locator(".pl-lane").first()).toBeVisible();
  }

  /** Puts the cursor in the editor (the text area Monaco types into). */
  async focusEditor(): Promise<void> {
    await this.editor.locator(".view-lines").click();
  }

  /** Types at the very end of the text, as a user would after Ctrl+End. */
  async typeAtEnd(text: string): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press("ControlOrMeta+End");
    await this.page.keyboard.type(text);
  }

  /** Selects everything with the keyboard and types `text` over it. */
  async replaceAllByTyping(text: string): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press("ControlOrMeta+A");
    await this.page.keyboard.type(text);
  }

  /** Selects everything and puts `text` in its place in one go, as a paste would. */
  async replaceAllByPasting(text: string): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press("ControlOrMeta+A");
    await this.page.keyboard.insertText(text);
  }

  /** The problems listed in the diagnostics panel. */
  problems(): Locator {
    return this.diagnostics.getByTestId("diagnostic");
  }
}
