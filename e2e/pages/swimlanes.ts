import type { Locator, Page } from "@playwright/test";

/** The swimlanes drawing, shared by the playground and the embed view. */
export class Swimlanes {
  readonly svg: Locator;

  constructor(readonly page: Page) {
    this.svg = page.getByTestId("swimlanes");
  }

  /** The lane of one container of one pod. */
  lane(pod: string, container: string): Locator {
    return this.svg.getByTestId(`lane-${pod}-${container}`);
  }

  /** All container lanes. */
  containerLanes(): Locator {
    return this.svg.locator('[data-testid^="lane-"]');
  }
}
