import { expect, type Locator, type Page } from "@playwright/test";
import { Swimlanes } from "./swimlanes.ts";

/** The playground page, in the words of a user: open it, type in the editor, read the views. */
export class PlaygroundPage {
  readonly editor: Locator;
  readonly diagnostics: Locator;
  readonly status: Locator;
  readonly swimlanes: Swimlanes;

  constructor(readonly page: Page) {
    this.editor = page.getByTestId("editor");
    this.diagnostics = page.getByTestId("diagnostics");
    this.status = page.getByTestId("sim-status");
    this.swimlanes = new Swimlanes(page);
  }

  async open(path = "/"): Promise<void> {
    await this.page.goto(path);
    await expect(this.editor).toHaveAttribute("data-ready", "true");
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

  /** The problems listed in the diagnostics panel. */
  problems(): Locator {
    return this.diagnostics.getByTestId("diagnostic");
  }
}
