/**
 * The User base view end to end: the production renderer in Debian's Chromium, bound to the real main-side
 * handlers. Drops the example AWS exports, filters, searches, selects a user (mouse and keyboard), exports, and
 * screenshots the view light and dark, in normal and presentation mode (tests/e2e/.artifacts/).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_EXPORTS, EXAMPLE_PROFILE_ID } from '../../src-main/app-services/user-base-service.js';
import { layoutOverflow, pageTexts, shoot } from './harness/page-actions.js';
import { rendererSuite } from './harness/renderer-suite.js';

const EXAMPLES = path.resolve('assets/examples');

const suite = rendererSuite();

describe('User base view in Chromium, bound to the real main-side handlers', () => {
  it('drops the example exports, filters, selects a user, exports redacted, and masks in presentation mode', async () => {
    const { app, wp } = await suite.openApp();
    const { page } = wp;
    await page.getByRole('button', { name: 'User base', exact: true }).click();
    expect(await page.getAttribute('#mode-userbase', 'aria-pressed')).toBe('true');
    expect(await page.getAttribute('#mode-login', 'aria-pressed')).toBe('false');
    await page.getByTestId('ub-profile').selectOption(EXAMPLE_PROFILE_ID);

    const files = EXAMPLE_EXPORTS.map((name) => ({ name, text: readFileSync(path.join(EXAMPLES, name), 'utf8') }));
    await page.evaluate((list) => {
      const data = new DataTransfer();
      for (const f of list) data.items.add(new File([f.text], f.name, { type: 'application/json' }));
      document.querySelector('[data-testid="user-base"]')?.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, files);
    const rows = page.locator('[data-testid="ub-table"] tbody tr');
    await expect.poll(() => rows.count(), { timeout: 20_000 }).toBe(7);
    expect(wp.calls).toContain('userbase:predict');
    expect(await page.locator('.ub-facts').textContent()).toContain('Accounts JIT left behind1');
    expect(await page.locator('.ub-seg').count()).toBeGreaterThan(1);
    expect(await layoutOverflow(page)).toEqual([]);
    await shoot(page, 'ub-01-summary');

    // Filter: who cannot log in; search narrows further.
    await page.getByRole('button', { name: 'Cannot log in' }).click();
    await expect.poll(() => rows.count()).toBe(6);
    await page.getByRole('searchbox', { name: 'Search' }).fill('ckim');
    await expect.poll(() => rows.count()).toBe(1);
    await page.getByRole('searchbox', { name: 'Search' }).fill('');
    await page.getByRole('button', { name: 'All users' }).click();

    // Select a user by click: that user's steps and findings, asked from main.
    await page.locator('[data-testid="ub-table"] tbody tr', { hasText: 'jdoe' }).click();
    const detail = page.getByTestId('ub-detail');
    await expect.poll(() => detail.locator('.steps li').count(), { timeout: 10_000 }).toBeGreaterThan(2);
    expect(await detail.textContent()).toContain('Lost at next login');
    expect(await detail.locator('code').allTextContents()).toContain('jit.groups-removed');
    // Keyboard: the arrow keys move the selection.
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => page.locator('[data-testid="ub-table"] tbody tr.selected').count()).toBe(1);
    await shoot(page, 'ub-02-selected');

    // Orphaned accounts.
    await page.getByRole('button', { name: 'Orphaned accounts' }).click();
    expect(await page.getByTestId('ub-orphaned').textContent()).toContain('tformer');
    await page.getByRole('button', { name: 'All users' }).click();

    // Export: redacted by default, with the local group plan.
    await page.getByRole('button', { name: 'Export…' }).click();
    await expect.poll(() => app.saved.length === 1 && existsSync(app.saved[0] ?? '')).toBe(true);
    await expect.poll(() => page.locator('.notice-box').count()).toBe(1);
    const html = readFileSync(app.saved[0] ?? '', 'utf8');
    expect(html).toContain('Local group plan');
    for (const personal of ['jdoe', 'jane.doe@example.com', 'Jane Doe', 'tformer']) expect(html).not.toContain(personal);

    // Presentation mode: main masks; nothing personal on screen.
    await app.services.togglePresentation();
    await expect.poll(async () => (await pageTexts(page)).text.includes('personal data masked'), { timeout: 10_000 }).toBe(true);
    await page.locator('[data-testid="ub-table"] tbody tr').first().click();
    await expect.poll(() => page.getByTestId('ub-detail').locator('.steps li').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const texts = await pageTexts(page);
    for (const personal of ['jdoe', 'jane.doe', 'Jane Doe', 'max.keller', 'tformer', 'Tom Former']) expect(texts.text + texts.values).not.toContain(personal);
    expect(texts.text).toContain('jira-software-users');
    await shoot(page, 'ub-03-presentation');
  });
});
