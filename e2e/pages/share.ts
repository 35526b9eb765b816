import { expect, type Locator, type Page } from "@playwright/test";

/** The playground's sharing controls: Copy link in the top bar, and the Share dialog. */
export class ShareControls {
  readonly copyLink: Locator;
  readonly open: Locator;
  readonly dialog: Locator;
  readonly linkText: Locator;
  readonly embedText: Locator;
  readonly markdownText: Locator;
  readonly copyEmbed: Locator;
  readonly exportSvg: Locator;
  readonly exportPng: Locator;

  constructor(readonly page: Page) {
    this.copyLink = page.getByTestId("copy-link");
    this.open = page.getByTestId("share-open");
    this.dialog = page.getByTestId("share-dialog");
    this.linkText = page.getByTestId("share-link-text");
    this.embedText = page.getByTestId("share-embed-text");
    this.markdownText = page.getByTestId("share-markdown-text");
    this.copyEmbed = page.getByTestId("copy-embed");
    this.exportSvg = page.getByTestId("export-svg");
    this.exportPng = page.getByTestId("export-png");
  }

  /** Clicks "Copy link" and returns what reached the clipboard. */
  async copyLinkFromTopBar(): Promise<string> {
    await this.copyLink.click();
    await expect(this.page.getByTestId("copied-link")).toBeVisible();
    return this.page.evaluate(() => navigator.clipboard.readText());
  }

  /** Opens the Share dialog. */
  async openDialog(): Promise<void> {
    await this.open.click();
    await expect(this.dialog).toBeVisible();
  }

  /** Clicks an export button and returns the downloaded file's name and bytes. */
  async download(button: Locator): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([this.page.waitForEvent("download"), button.click()]);
    const path = await download.path();
    const { readFileSync } = await import("node:fs");
    return { name: download.suggestedFilename(), bytes: readFileSync(path) };
  }
}
