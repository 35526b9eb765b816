import { expect, type Locator, type Page } from "@playwright/test";
import { encodeScenarioHash } from "../../src/share/scenario-hash.ts";
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
  readonly examplePicker: Locator;

  constructor(readonly page: Page) {
    this.playback = new PlaybackBar(page);
    this.details = new DetailsPanel(page);
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

  /** Opens the playground on a built-in example. */
  async openExample(id: string): Promise<void> {
    await this.open();
    await this.examplePicker.selectOption(id);
  }

  /** Opens the playground with `scenario` in the URL's hash. */
  async openScenario(scenario: string): Promise<void> {
    await this.open(`/${encodeScenarioHash(scenario)}`);
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
