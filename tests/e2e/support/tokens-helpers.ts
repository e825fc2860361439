/**
 * Helpers for tests/e2e/tokens-*.spec.ts: the sandbox's HTTP API as a second client (fetch with
 * the admin token), the token table and details by role and label, and the axe scan.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

// ---- the sandbox API, used as "someone else" and as the source of truth -------------------------

export interface ApiModule {
  id: string;
  name?: string;
  description?: string | null;
}
export interface ApiToken {
  id: string;
  name: string;
  description?: string | null;
  status: 'Active' | 'Disabled' | 'Deleted';
  lastAccessAt?: string | null;
  revision?: number;
  modules: ApiModule[];
  audit?: {
    created?: { at?: string; by?: { id: string; name?: string } };
    updated?: { at?: string; by?: { id: string; name?: string } };
  };
}
export interface ApiAuditRecord {
  id: string;
  event?: string;
  summary?: string;
  timestamp: string;
  actor?: { id?: string; name?: string };
}

export function createApi(baseUrl: () => string, adminToken: () => string) {
  async function raw(method: string, path: string, body?: unknown): Promise<Response> {
    return fetch(baseUrl() + path, {
      method,
      headers: { Authorization: `Bearer ${adminToken()}`, 'Content-Type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }
  async function call<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await raw(method, path, body);
    expect(response.ok, `${method} ${path} → ${response.status} ${await response.clone().text()}`).toBe(true);
    return (response.status === 204 ? undefined : await response.json()) as T;
  }
  const tokenPath = (id: string) => `/public/v1/accounts/api-tokens/${id}`;
  return {
    raw,
    call,
    /** Every token the admin token can see, with audit (created/updated by and at). */
    async listTokens(): Promise<ApiToken[]> {
      const page = await call<{ data: ApiToken[]; $meta: { pagination: { total: number } } }>(
        'GET',
        '/public/v1/accounts/api-tokens?limit=100&offset=0&select=audit',
      );
      expect(page.data.length, 'the spec expects one page of tokens').toBe(page.$meta.pagination.total);
      return page.data;
    },
    getToken: (id: string) => call<ApiToken>('GET', `${tokenPath(id)}?select=audit`),
    async status(id: string): Promise<number> {
      return (await raw('GET', tokenPath(id))).status;
    },
    updateToken: (id: string, body: Record<string, unknown>) => call<ApiToken>('PUT', tokenPath(id), body),
    async createToken(name: string, description: string, moduleIds: string[]): Promise<{ id: string; value: string; token: ApiToken }> {
      const created = await call<ApiToken & { token: string }>('POST', '/public/v1/accounts/api-tokens', {
        name,
        description,
        icon: '',
        modules: moduleIds.map((id) => ({ id })),
      });
      return { id: created.id, value: created.token, token: created };
    },
    async auditOf(id: string): Promise<ApiAuditRecord[]> {
      const page = await call<{ data: ApiAuditRecord[] }>('GET', `/public/v1/audit/records?eq(object.id,'${id}')&order=-timestamp&limit=100`);
      return page.data;
    },
  };
}
export type Api = ReturnType<typeof createApi>;

/** What the table's free-text search covers (issue 5): name, id, description and creator. */
export function matchesSearch(token: ApiToken, text: string): boolean {
  const by = token.audit?.created?.by;
  const haystack = `${token.name}\n${token.id}\n${token.description ?? ''}\n${by?.name ?? ''}\n${by?.id ?? ''}`.toLowerCase();
  return text
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean)
    .every((term) => haystack.includes(term));
}

/** Ids by last access; "never used" is the oldest access. Ties (only among never used) by id. */
export function idsByLastAccess(tokens: ApiToken[], dir: 'asc' | 'desc'): string[] {
  const at = (t: ApiToken) => (t.lastAccessAt ? Date.parse(t.lastAccessAt) : Number.NEGATIVE_INFINITY);
  const sign = dir === 'asc' ? 1 : -1;
  return [...tokens]
    .sort((a, b) => (at(a) === at(b) ? (a.id < b.id ? -1 : 1) : (at(a) < at(b) ? -1 : 1) * sign))
    .map((t) => t.id);
}

/** A secret with the right TKN id and format that is not the token's value. */
export function wrongSecretFor(id: string): string {
  const alnum = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let secret = '';
  for (let i = 0; i < 64; i++) secret += alnum[Math.floor(Math.random() * alnum.length)];
  return `idt:${id}:${secret}`;
}

// ---- the token table and details, by role and label --------------------------------------------

/**
 * The token screens of `page`; pass a function when the spec restarts the app (a new page), so
 * locators made before the restart look at the current page.
 */
export function tokensUi(pageOrCurrent: Page | (() => Page)) {
  const current = typeof pageOrCurrent === 'function' ? pageOrCurrent : () => pageOrCurrent;
  const grid = () => current().getByRole('grid', { name: 'API tokens' });
  const bodyRows = () => grid().getByRole('rowgroup').nth(1).getByRole('row');
  const details = () => current().locator('section.token-details');
  const ui = {
    grid,
    bodyRows,
    search: () => current().getByRole('searchbox', { name: 'Search' }),
    statusFilter: () => current().getByRole('combobox', { name: 'Status' }),
    /** "2 of 39 tokens" / "39 tokens". */
    count: () => current().getByRole('search', { name: 'Filter API tokens' }).getByRole('status'),
    columnHeader: (label: string) => grid().getByRole('columnheader', { name: label, exact: true }),
    sortButton: (label: string) => grid().getByRole('columnheader', { name: label, exact: true }).getByRole('button'),
    /** The row of a token (its TKN id is shown in the first column). */
    row: (id: string) => bodyRows().filter({ hasText: id }),
    /** Status cell of a row (the 7th cell: checkbox, token, modules, created by, created, last access, status). */
    rowStatus: (id: string) => ui.row(id).getByRole('gridcell').nth(6),
    /** A row's "⋯" menu button (every action but Copy value is in its menu, at every width). */
    rowMenuButton: (id: string) => ui.row(id).getByRole('button', { name: /^Actions for / }),
    /** Opens a row's menu and returns it. */
    async openRowMenu(id: string): Promise<Locator> {
      const button = ui.rowMenuButton(id);
      const name = (await button.getAttribute('aria-label'))!;
      await button.click();
      const menu = current().getByRole('menu', { name });
      await expect(menu).toBeVisible();
      return menu;
    },
    /** Chooses the item named `item` ("Disable Billing sync") in a row's menu. */
    async rowAction(id: string, item: string) {
      const menu = await ui.openRowMenu(id);
      await menu.getByRole('menuitem', { name: item, exact: true }).click();
      await expect(menu).toHaveCount(0);
    },
    /** Ids of the rendered rows, in row order. */
    async visibleIds(): Promise<string[]> {
      const pairs = await bodyRows().evaluateAll((rows) =>
        rows.map((r) => [Number(r.getAttribute('aria-rowindex')), r.getAttribute('data-row-id') ?? ''] as const),
      );
      return [...pairs].sort((a, b) => a[0] - b[0]).map(([, id]) => id);
    },
    /** Narrow the table to one token by typing its id; waits until it is the only row. */
    async showOnly(id: string): Promise<Locator> {
      await ui.search().fill(id);
      await expect(bodyRows()).toHaveCount(1);
      await expect(ui.row(id)).toHaveCount(1);
      return ui.row(id);
    },
    async clearSearch() {
      await ui.search().fill('');
    },
    details,
    detailsHeading: () => details().getByRole('heading', { level: 1 }),
    detailsStatus: () => details().locator('.page-badges .status-badge'),
    tab: (name: string) => current().getByRole('tablist', { name: 'Token details' }).getByRole('tab', { name, exact: true }),
    tabPanel: () => details().getByRole('tabpanel'),
    /** The <dd> after a <dt> in the Details tab's facts list. */
    fact: (term: string) => ui.tabPanel().locator('dl.facts > dt').filter({ hasText: new RegExp(`^${term}$`) }).locator('xpath=following-sibling::dd[1]'),
    back: () => current().getByRole('button', { name: /Back to API tokens/ }),
    async openDetails(id: string) {
      const row = await ui.showOnly(id);
      await row.getByRole('button').first().waitFor();
      await row.focus();
      await current().keyboard.press('Enter');
      await expect(ui.detailsHeading()).toBeVisible();
    },
    async backToList() {
      await ui.back().click();
      await expect(grid()).toBeVisible();
    },
  };
  return ui;
}

export async function connectWithForm(page: Page, form: { name: string; baseUrl: string; token: string }) {
  const scope = page.getByRole('form', { name: 'Add a connection' });
  await scope.getByLabel('Display name').fill(form.name);
  await scope.getByLabel('Environment').fill(form.baseUrl);
  await scope.getByLabel('API token', { exact: true }).fill(form.token);
  await scope.getByRole('button', { name: 'Connect' }).click();
}

// ---- accessibility -------------------------------------------------------------------------------

/** axe (WCAG 2 A/AA) on a part of the page; returns the serious/critical violations, printed. */
export async function seriousViolations(page: Page, include: string, label: string): Promise<string[]> {
  // @axe-core/playwright types its Page against its own playwright-core copy; the object is the same.
  const axePage = page as unknown as ConstructorParameters<typeof AxeBuilder>[0]['page'];
  const results = await new AxeBuilder({ page: axePage }).include(include).withTags(['wcag2a', 'wcag2aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `[${label}] ${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `    ${n.target.join(' ')} — ${n.failureSummary?.replace(/\s+/g, ' ') ?? ''}`)
          .join('\n'),
    );
}
