import { readFileSync } from "node:fs";
import { expect, type Locator, type Page } from "@playwright/test";
import { encodeScenarioHash } from "../../src/share/scenario-hash.ts";
import { GalleryDialog } from "./gallery.ts";
import { Panels } from "./panels.ts";
import { Swimlanes } from "./swimlanes.ts";
import { DetailsPanel, PlaybackBar } from "./timeline.ts";
import { Workloads } from "./workloads.ts";

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
  readonly workloads: Workloads;
  readonly theme: Locator;
  readonly examplePicker: Locator;
  /** The banner that says a link could not be read. */
  readonly linkError: Locator;
  /** The banner that asks before a shared link replaces local work, and its two answers. */
  readonly sharePrompt: Locator;
  readonly openSharedButton: Locator;
  readonly keepMyWorkButton: Locator;

  constructor(readonly page: Page) {
    this.playback = new PlaybackBar(page);
    this.details = new DetailsPanel(page);
    this.panels = new Panels(page);
    this.gallery = new GalleryDialog(page);
    this.workloads = new Workloads(page);
    this.theme = page.getByTestId("theme");
    this.examplePicker = page.getByTestId("example-picker");
    this.editor = page.getByTestId("editor");
    this.diagnostics = page.getByTestId("diagnostics");
    this.status = page.getByTestId("sim-status");
    this.swimlanes = new Swimlanes(page);
    this.linkError = page.getByTestId("link-error");
    this.sharePrompt = page.getByTestId("share-prompt");
    this.openSharedButton = this.sharePrompt.getByRole("button", { name: "Open the shared scenario" });
    this.keepMyWorkButton = this.sharePrompt.getByRole("button", { name: "Keep my work" });
  }

  /** Opens `scenario` as a shared link would, and waits for the editor (not for any lanes). */
  async openLink(scenario: string): Promise<void> {
    await this.open(`/${encodeScenarioHash(scenario)}`);
  }

  /** Reloads the page and waits for the editor. */
  async reload(): Promise<void> {
    await this.page.reload();
    await expect(this.editor).toHaveAttribute("data-ready", "true");
  }

  /** The texts saved as local work in this browser (every tab's), as the page sees them. */
  async savedWork(): Promise<string[]> {
    return this.page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith("podlife.work."))
        .map((k) => (JSON.parse(localStorage.getItem(k) ?? "{}") as { text?: string }).text ?? ""),
    );
  }

  /** The variant B texts saved as local work in this browser (entries saved in compare mode). */
  async savedVariantB(): Promise<string[]> {
    return this.page.evaluate(() =>
      Object.keys(localStorage)
        .filter((k) => k.startsWith("podlife.work."))
        .map((k) => JSON.parse(localStorage.getItem(k) ?? "{}") as { compare?: { text?: string } })
        .flatMap((w) => (w.compare?.text === undefined ? [] : [w.compare.text])),
    );
  }

  /** Waits until some saved local work contains `fragment` (saving is debounced). */
  async waitUntilSaved(fragment: string): Promise<void> {
    await expect.poll(async () => (await this.savedWork()).some((t) => t.includes(fragment))).toBe(true);
  }

  async open(path = "/"): Promise<void> {
    await this.page.goto(path);
    await expect(this.editor).toHaveAttribute("data-ready", "true");
  }

  /**
   * Opens the playground on a built-in example (through the URL, as a shared link would) and waits
   * for its swimlanes, not for the editor: tests of the views need not wait for Monaco.
   */
  async openExample(id: string, query = ""): Promise<void> {
    await this.openScenario(
      readFileSync(new URL(`../../src/ui/examples/${id}.yaml`, import.meta.url), "utf8"),
      { query },
    );
  }

  /**
   * Opens the playground with `scenario` in the URL's hash (and view settings such as `?lang=zh`
   * in `query`) and waits for its swimlanes.
   */
  async openScenario(scenario: string, opts: { timeout?: number; query?: string } = {}): Promise<void> {
    await this.page.goto(`/${opts.query ?? ""}${encodeScenarioHash(scenario)}`);
    await expect(this.swimlanes.svg.locator(".pl-lane").first()).toBeVisible(opts);
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
