import { expect, type Locator, type Page } from "@playwright/test";

/** The gallery dialog of built-in scenarios. */
export class GalleryDialog {
  readonly button: Locator;
  readonly dialog: Locator;

  constructor(readonly page: Page) {
    this.button = page.getByTestId("gallery-open");
    this.dialog = page.getByTestId("gallery");
  }

  async open(): Promise<void> {
    await this.button.click();
    await expect(this.dialog).toBeVisible();
  }

  items(): Locator {
    return this.dialog.locator('[data-testid^="gallery-item-"]');
  }

  item(id: string): Locator {
    return this.dialog.getByTestId(`gallery-item-${id}`);
  }
}
