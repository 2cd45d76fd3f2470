import type { Locator, Page } from 'playwright-core';
import { SideNav } from './side-nav.js';

/** The topology map: VPC nodes grouped by account and region, peering connections as edges. */
export class MapPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await new SideNav(this.page).open('Topology map');
    await this.page.getByTestId('topology-map').waitFor();
  }

  vpcNode(vpcId: string): Locator {
    return this.page.getByTestId(`map-vpc-${vpcId}`);
  }

  /** The account-and-region groups drawn, as "Account <id> in <region>". */
  async groups(): Promise<string[]> {
    const groups = this.page.getByTestId('topology-map').getByRole('group', { name: /^Account \d{12} in / });
    const names: string[] = [];
    for (let i = 0; i < (await groups.count()); i++) names.push((await groups.nth(i).getAttribute('aria-label')) ?? '');
    return names.sort();
  }

  /** The labels drawn on the edges ("name · Status"), sorted. */
  async edgeLabels(): Promise<string[]> {
    const labels = await this.page.getByTestId('topology-map').getByText(/ · [A-Z][a-z ]+$/).allTextContents();
    return labels.map((l) => l.trim()).sort();
  }

  async clickVpc(vpcId: string): Promise<void> {
    await this.vpcNode(vpcId).click();
  }

  /** Clicks a connection by the label on its edge (the label selects its connection). */
  async clickEdge(label: string): Promise<void> {
    await this.page.getByTestId('topology-map').getByText(label, { exact: true }).click();
  }

  async details(): Promise<string> {
    return (await this.page.getByTestId('map-details').innerText()).trim();
  }

  /** How many VPCs are drawn. */
  async vpcCount(): Promise<number> {
    return this.page.getByTestId('topology-map').locator('[data-testid^="map-vpc-"]').count();
  }

  /** How many connection labels are drawn. */
  async peeringLabelCount(): Promise<number> {
    return this.page.getByTestId('map-edge-label-peering').count();
  }

  /**
   * Every pair of labels whose boxes overlap on screen: VPC boxes (a VPC's name, id and CIDRs),
   * group titles, connection labels and gateway route labels. Empty when the map reads cleanly.
   */
  async labelOverlaps(): Promise<string[]> {
    return this.page.getByTestId('topology-map').evaluate((map) => {
      const labelled = [
        ...[...map.querySelectorAll('[data-testid^="map-vpc-"]')].map((e) => ({ e, name: e.getAttribute('data-testid') ?? '' })),
        ...[...map.querySelectorAll('[data-testid^="map-edge-label-"]')].map((e) => ({ e, name: `label "${e.textContent ?? ''}"` })),
        ...[...map.querySelectorAll('.vpcpeer-map-group > div')].map((e) => ({ e, name: `title of ${e.parentElement?.getAttribute('aria-label') ?? ''}` })),
      ];
      const boxes = labelled.map(({ e, name }) => ({ name, r: e.getBoundingClientRect() }));
      const out: string[] = [];
      for (let i = 0; i < boxes.length; i++) {
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i];
          const b = boxes[j];
          if (!a || !b) continue;
          // Half a pixel of rounding is not an overlap.
          const w = Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left);
          const h = Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top);
          if (w > 0.5 && h > 0.5) out.push(`${a.name} overlaps ${b.name}`);
        }
      }
      return out;
    });
  }

  /** Groups (by their aria-label) not wholly inside the map's frame: none once the view is fitted. */
  async groupsOutsideView(): Promise<string[]> {
    return this.page.getByTestId('topology-map').evaluate((map) => {
      const frame = map.getBoundingClientRect();
      return [...map.querySelectorAll('[role="group"][aria-label^="Account "]')]
        .filter((g) => {
          const r = g.getBoundingClientRect();
          return r.width === 0 || r.left < frame.left - 0.5 || r.top < frame.top - 0.5 || r.right > frame.right + 0.5 || r.bottom > frame.bottom + 0.5;
        })
        .map((g) => g.getAttribute('aria-label') ?? '');
    });
  }

  /**
   * Waits until the fitted view holds every group and has stopped moving (fitting runs once the
   * nodes are measured, and again when the frame grows with the drawing).
   */
  async waitForFit(): Promise<void> {
    const map = await this.page.getByTestId('topology-map').elementHandle();
    await this.page.waitForFunction((m) => {
      if (!m) return false;
      const frame = m.getBoundingClientRect();
      const groups = [...m.querySelectorAll('[role="group"][aria-label^="Account "]')];
      const inside = groups.length > 0 && groups.every((g) => {
        const r = g.getBoundingClientRect();
        return r.width > 0 && r.left >= frame.left - 0.5 && r.top >= frame.top - 0.5 && r.right <= frame.right + 0.5 && r.bottom <= frame.bottom + 0.5;
      });
      // Polled every animation frame: the same transform and frame size twice running is settled.
      const now = `${m.querySelector('.react-flow__viewport')?.getAttribute('style') ?? ''}|${frame.width}x${frame.height}`;
      const before = m.getAttribute('data-test-last-view');
      m.setAttribute('data-test-last-view', now);
      return inside && before === now;
    }, map);
  }

  /** The distinct tops (screen px, rounded) of the VPCs given: one per row of the grid they are in. */
  async rowsOf(vpcIds: readonly string[]): Promise<number> {
    return this.page.getByTestId('topology-map').evaluate((map, ids) => {
      const tops = ids.map((id) => Math.round(map.querySelector(`[data-testid="map-vpc-${id}"]`)?.getBoundingClientRect().top ?? -1));
      return new Set(tops).size;
    }, vpcIds);
  }

  /** The smallest on-screen font size (px) of the VPC names and of the connection labels at the current zoom. */
  async smallestText(): Promise<{ vpcNames: number; edgeLabels: number }> {
    return this.page.getByTestId('topology-map').evaluate((map) => {
      const onScreen = (selector: string): number => {
        const sizes = [...map.querySelectorAll(selector)].map((e) => {
          // On-screen width against layout width is the zoom the map is drawn at.
          const fontSize = parseFloat(map.ownerDocument.defaultView?.getComputedStyle(e).fontSize ?? '0');
          return fontSize * (e.getBoundingClientRect().width / (e as unknown as { offsetWidth: number }).offsetWidth);
        });
        return sizes.length > 0 ? Math.min(...sizes) : 0;
      };
      return { vpcNames: onScreen('.vpcpeer-map-vpc__name'), edgeLabels: onScreen('[data-testid="map-edge-label-peering"]') };
    });
  }

  /** The nodes the minimap draws (0 when there is no minimap). */
  async minimapNodeCount(): Promise<number> {
    const minimap = this.page.getByTestId('topology-map').locator('.react-flow__minimap');
    if ((await minimap.count()) === 0 || !(await minimap.isVisible())) return 0;
    return minimap.locator('.react-flow__minimap-node').count();
  }

  /** Whether the zoom buttons are there. */
  async hasZoomControls(): Promise<boolean> {
    const map = this.page.getByTestId('topology-map');
    return (await map.getByRole('button', { name: 'Zoom In' }).isVisible()) && (await map.getByRole('button', { name: 'Zoom Out' }).isVisible()) && (await map.getByRole('button', { name: 'Fit View' }).isVisible());
  }
}
