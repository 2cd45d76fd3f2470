import type { Page } from 'playwright-core';
import { chooseFrom, keyValue } from './cloudscape.js';
import { SideNav } from './side-nav.js';

/** One hop of an analysis as the explorer draws it. */
export interface Hop {
  readonly sequence: number;
  /** The component's id (and Name in parentheses when it has one). */
  readonly component: string;
  /** The route, rule or VPC pair it matched, as printed. */
  readonly matched: string;
  readonly blocked: boolean;
  /** Each explanation on the hop: the plain sentence and AWS's code beside it. */
  readonly explanations: readonly { readonly sentence: string; readonly code: string; readonly fixIn: readonly string[] }[];
}

export type EndType = 'Instances' | 'Network interfaces' | 'Peering connections' | 'IP address';

/**
 * Reachability Analyzer: the paths list, "Create and analyze path", and one path's page with
 * Analyze path, its analyses and the analysis explorer (the path drawn hop by hop).
 */
export class ReachabilityPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await new SideNav(this.page).open('Reachability Analyzer');
    await this.page.getByRole('heading', { name: /^Reachability Analyzer/, level: 1 }).waitFor();
    await this.page.getByText('Loading paths').waitFor({ state: 'detached' });
  }

  async startCreate(): Promise<void> {
    await this.open();
    await this.page.getByRole('button', { name: 'Create and analyze path' }).first().click();
    await this.waitForCreateForm();
  }

  async waitForCreateForm(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Create and analyze path', level: 1 }).waitFor();
    // The ends are shown once prefilled from what the account holds.
    await this.page.getByRole('button', { name: /^Source type/ }).first().waitFor();
  }

  /** What a picker shows as chosen (its label), or '' when nothing is. */
  async chosen(field: 'Source' | 'Destination' | 'Source type' | 'Destination type'): Promise<string> {
    const name = field.endsWith(' type') ? new RegExp(`^${field}`) : new RegExp(`^${field}(?! type)`);
    const text = await this.page.getByRole('button', { name }).first().innerText();
    return text.split('\n')[0]?.trim() ?? '';
  }

  async chooseSource(type: EndType, id: string): Promise<void> {
    if ((await this.chosen('Source type')) !== type) await chooseFrom(this.page, this.page.getByRole('button', { name: /^Source type/ }), new RegExp(`^${type}`));
    await chooseFrom(this.page, this.page.getByRole('button', { name: /^Source(?! type)/ }), new RegExp(`^${id}`));
  }

  async chooseDestination(type: EndType, idOrAddress: string): Promise<void> {
    if ((await this.chosen('Destination type')) !== type) await chooseFrom(this.page, this.page.getByRole('button', { name: /^Destination type/ }), new RegExp(`^${type}`));
    if (type === 'IP address') await this.page.getByRole('textbox', { name: /^Destination address/ }).fill(idOrAddress);
    else await chooseFrom(this.page, this.page.getByRole('button', { name: /^Destination(?! type)/ }), new RegExp(`^${idOrAddress}`));
  }

  async setProtocol(protocol: 'TCP' | 'UDP'): Promise<void> {
    await chooseFrom(this.page, this.page.getByRole('button', { name: /^Protocol/ }), new RegExp(`^${protocol}$`));
  }

  async setPort(port: string): Promise<void> {
    await this.page.getByRole('textbox', { name: /^Destination port/ }).fill(port);
  }

  async setName(name: string): Promise<void> {
    await this.page.getByRole('textbox', { name: /^Name tag/ }).fill(name);
  }

  /** Submits the form: the path is created and analyzed; returns the new path's id once its page shows the analysis. */
  async submit(): Promise<string> {
    await this.page.getByRole('button', { name: 'Create and analyze path', exact: true }).last().click();
    await this.page.waitForURL(/\/reachability\/nip-[0-9a-f]+\?analysis=nia-[0-9a-f]+$/);
    const id = new URL(this.page.url()).pathname.split('/').pop() ?? '';
    await this.waitForVerdict();
    return id;
  }

  /** Opens a path's page from the list, by its id. */
  async openPath(id: string): Promise<void> {
    await this.open();
    await this.page.getByRole('link', { name: id, exact: true }).click();
    await this.page.waitForURL(new RegExp(`/reachability/${id}$`));
    await this.page.getByRole('button', { name: 'Analyze path', exact: true }).waitFor();
  }

  /** Analyze path on the path's page; waits until the new analysis is the one shown. */
  async analyze(): Promise<string> {
    const before = this.page.url();
    await this.page.getByRole('button', { name: 'Analyze path', exact: true }).click();
    await this.page.waitForURL((u) => u.toString() !== before && /analysis=nia-[0-9a-f]+$/.test(u.toString()));
    const id = new URL(this.page.url()).searchParams.get('analysis') ?? '';
    await this.page.locator(`[data-testid="analysis-explorer"][data-analysis-id="${id}"]`).waitFor();
    await this.waitForVerdict();
    return id;
  }

  async waitForVerdict(): Promise<void> {
    await this.page.getByTestId('analysis-verdict').waitFor();
  }

  /** "Reachable" or "Not reachable", as the explorer's verdict says. */
  async verdict(): Promise<string> {
    await this.waitForVerdict();
    const text = await this.page.getByTestId('analysis-verdict').innerText();
    return /Not reachable/.test(text) ? 'Not reachable' : /Reachable/.test(text) ? 'Reachable' : text.trim();
  }

  /** A value from the path's details panel. */
  async detail(label: string): Promise<string> {
    return keyValue(this.page, new RegExp(`^${label}$`));
  }

  /** The forward path ("Path") or the return path, hop by hop. */
  async hops(which: 'Path' | 'Return path' = 'Path'): Promise<Hop[]> {
    const list = this.page.getByRole('list', { name: which, exact: true });
    await list.waitFor();
    const items = list.getByRole('listitem');
    const out: Hop[] = [];
    for (let i = 0; i < (await items.count()); i++) {
      const item = items.nth(i);
      const explanations: { sentence: string; code: string; fixIn: string[] }[] = [];
      const lines = item.getByTestId('explanation');
      for (let j = 0; j < (await lines.count()); j++) {
        const code = (await lines.nth(j).getByTestId('explanation-code').innerText()).trim();
        const sentence = (await lines.nth(j).locator('.vpcpeer-explanation__sentence').innerText()).trim();
        const fix = lines.nth(j).getByTestId('explanation-fix');
        const fixIn = (await fix.count()) > 0 ? (await fix.getByRole('link').allInnerTexts()).map((t) => t.trim()) : [];
        explanations.push({ code, sentence, fixIn });
      }
      const matched = item.getByTestId('hop-matched');
      out.push({
        sequence: Number(((await item.getAttribute('aria-label')) ?? '').replace(/^Hop (\d+):.*$/, '$1')),
        component: (await item.getByTestId('hop-component').innerText()).trim(),
        matched: (await matched.count()) > 0 ? (await matched.innerText()).trim() : '',
        blocked: (await item.getAttribute('data-blocked')) === 'true',
        explanations,
      });
    }
    return out;
  }

  /** Follows the link of a component on the drawn path (a hop, or a resource an explanation says to fix). */
  async openComponent(id: string): Promise<void> {
    await this.page.getByRole('list', { name: 'Path', exact: true }).getByRole('link', { name: id, exact: true }).first().click();
  }

  /** The analyses table, newest first: id and reachability status. */
  async analyses(): Promise<{ id: string; result: string }[]> {
    const table = this.page.getByRole('tabpanel').getByRole('table').first();
    await table.waitFor();
    const rows = table.getByRole('row');
    const out: { id: string; result: string }[] = [];
    for (let i = 1; i < (await rows.count()); i++) {
      const cells = (await rows.nth(i).locator(':scope > td, :scope > th').allInnerTexts()).map((c) => c.trim());
      const id = cells.find((c) => /^nia-/.test(c));
      if (id) out.push({ id, result: cells.find((c) => /^(Reachable|Not reachable)$/.test(c)) ?? '' });
    }
    return out;
  }

  async showOnMap(): Promise<void> {
    await this.page.getByRole('link', { name: 'Show on the map' }).click();
    await this.page.getByTestId('map-analysis').waitFor();
  }
}
