import type { Locator, Page } from "@playwright/test";

/** The workload parts of the swimlanes (Deployment sections, traffic lanes) and compare mode. */
export class Workloads {
  readonly compareStart: Locator;
  readonly compareStop: Locator;

  constructor(readonly page: Page) {
    this.compareStart = page.getByTestId("compare-start");
    this.compareStop = page.getByTestId("compare-stop");
  }

  /** A Deployment's section, or the one inside a compare variant. */
  deployment(name: string, variant?: string): Locator {
    return this.scope(variant).getByTestId(`deployment-${name}`);
  }

  /** A Service's traffic lane. */
  traffic(service: string, variant?: string): Locator {
    return this.scope(variant).getByTestId(`traffic-${service}`);
  }

  /** The failed-request marks of a Service's traffic lane. */
  failures(service: string, variant?: string): Locator {
    return this.traffic(service, variant).locator(".pl-failure");
  }

  /** The rollout-step marks of a Deployment. */
  steps(name: string, variant?: string): Locator {
    return this.deployment(name, variant).locator(".pl-step");
  }

  /** A compare variant's group in the drawing (`A`, `B`). */
  variant(label: string): Locator {
    return this.page.getByTestId("swimlanes").getByTestId(`variant-${label}`);
  }

  /** The editor tab of a variant. */
  tab(label: string): Locator {
    return this.page.getByTestId(`variant-tab-${label}`);
  }

  private scope(variant?: string): Locator {
    const svg = this.page.getByTestId("swimlanes");
    return variant ? svg.getByTestId(`variant-${variant}`) : svg;
  }
}
