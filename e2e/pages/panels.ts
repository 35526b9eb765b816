import { expect, type Locator, type Page } from "@playwright/test";

/** The tabbed panels under the swimlanes: Events, Pod status, kubectl console. */
export class Panels {
  readonly events: Locator;
  readonly eventRows: Locator;
  readonly eventsScope: Locator;
  readonly podStatus: Locator;
  readonly watchStatuses: Locator;
  readonly console: Locator;
  readonly consoleInput: Locator;
  readonly consoleEntries: Locator;

  constructor(readonly page: Page) {
    this.events = page.getByTestId("events");
    this.eventRows = this.events.getByTestId("event-row");
    this.eventsScope = page.getByTestId("events-scope");
    this.podStatus = page.getByTestId("pod-status");
    this.watchStatuses = page.getByTestId("watch").getByTestId("watch-status");
    this.console = page.getByTestId("console");
    this.consoleInput = page.getByTestId("console-input");
    this.consoleEntries = page.getByTestId("console-entry");
  }

  async openTab(name: "events" | "status" | "watch" | "console"): Promise<void> {
    const tab = this.page.getByTestId(`tab-${name}`);
    await tab.click();
    await expect(tab).toHaveAttribute("aria-selected", "true");
  }

  /** The event row with this reason. */
  eventRow(reason: string): Locator {
    return this.eventRows.filter({ has: this.page.getByRole("cell", { name: reason, exact: true }) });
  }

  /** Runs a command in the console and waits for its output. */
  async runKubectl(command: string): Promise<Locator> {
    await this.openTab("console");
    const before = await this.consoleEntries.count();
    await this.consoleInput.fill(command);
    await this.consoleInput.press("Enter");
    const entry = this.consoleEntries.nth(before);
    await expect(entry.locator(".console-pending")).toHaveCount(0);
    return entry;
  }
}
