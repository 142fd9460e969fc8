/**
 * Issue 17: mail in Chromium against the real server. The managing authority reads what the service
 * sends and how (here: development mail written to a folder, no SMTP server, nothing secret on the
 * page), finds a reminder that could not be delivered (a theme with no address) with its error, and
 * queues it again; the retry is in the audit trail. A coordinator turns reminders off in their own
 * mail settings and finds the choice kept. In Finnish and Swedish; axe (WCAG 2.1 A, AA) finds
 * nothing in any state. Signing in and the reminder that fails are set-up (the API).
 */
import type { APIRequestContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations, heading, useBrowser } from './browser.js';
import { E2E_PASSWORD, E2E_PERIODS } from './users.js';

const { newPage } = useBrowser();
/** No coordination contact of this theme has an address and no account coordinates it. */
const UNREACHABLE = 'uusia-tyomahdollisuuksia-tyopaikkoja-kehittamalla';
const RECIPIENT = `teema:${UNREACHABLE}`;

async function signedIn(username: string) {
  const session = await newPage();
  const login = await session.context.request.post('/api/v1/auth/login', {
    data: { username, password: E2E_PASSWORD },
  });
  expect(login.status()).toBe(200);
  return { ...session, csrf: ((await login.json()) as { csrfToken: string }).csrfToken };
}

/** With SCREENSHOT_DIR set, the page at 1366 and 320 px wide, for a person to look at. */
async function shots(page: Page, name: string): Promise<void> {
  const dir = process.env.SCREENSHOT_DIR;
  if (!dir) return;
  for (const width of [1366, 320]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${dir}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

const failedTo = async (request: APIRequestContext) =>
  (
    (await (await request.get('/api/v1/admin/outbox?status=failed&limit=500')).json()) as {
      items: { id: number; recipient: string }[];
    }
  ).items.filter((item) => item.recipient === RECIPIENT);

describe('mail in the browser', () => {
  it('shows the administrator how mail goes and the undelivered reminder, and retries it (fi)', async () => {
    const { context, page, csrf } = await signedIn('e2e-admin');
    const reminded = await context.request.post(`/api/v1/reporting-periods/${E2E_PERIODS.fi.key}/reminders`, {
      headers: { 'x-csrf-token': csrf },
      data: { themes: [UNREACHABLE] },
    });
    expect(reminded.status()).toBeLessThan(300);
    // The delivery worker polls every second; a message to no address fails at once.
    await expect.poll(async () => (await failedTo(context.request)).length, { timeout: 15_000 }).toBeGreaterThan(0);

    await page.goto('/fi/');
    await page.getByRole('navigation').getByRole('link', { name: 'Sähköposti' }).first().click();
    await expect.poll(() => heading(page).textContent()).toBe('Sähköposti');
    const text = async () => (await page.getByRole('main').textContent()) ?? '';
    await expect.poll(text).toContain('Viestit lähetetään sähköpostipalvelimen kautta.');
    expect(await text()).toContain('Enintään 5 yritystä');
    expect(await text()).toContain('Muistutukset määräajoista');
    const table = page.getByRole('table', { name: /ei saatu perille/ });
    await expect.poll(async () => (await table.textContent()) ?? '').toContain(RECIPIENT);
    expect(await table.textContent()).toContain('no e-mail address');
    const violations = await axeViolations(page, '/fi/admin/outbox');
    await shots(page, 'mail-admin-fi');

    const before = (await failedTo(context.request)).length;
    await page
      .getByRole('button', { name: `Lähetä uudelleen: ${RECIPIENT}` })
      .first()
      .click();
    await expect.poll(() => page.getByText('Viesti on jonossa').count()).toBe(1);
    violations.push(...(await axeViolations(page, '/fi/admin/outbox (retried)')));
    // Queued again and, having still no address, failed again: nothing lost, shown again.
    await expect.poll(async () => (await failedTo(context.request)).length, { timeout: 15_000 }).toBe(before);

    await page.goto('/fi/audit');
    await page.getByLabel('Tietueen laji', { exact: true }).fill('outbox');
    await page.getByLabel('Toimenpide', { exact: true }).fill('retry');
    await page.getByRole('button', { name: 'Rajaa', exact: true }).click();
    const trail = page.getByRole('table', { name: 'Lokimerkinnät, uusin ensin' });
    await expect.poll(async () => (await trail.textContent()) ?? '').toContain('e2e-admin');
    expect(violations).toEqual([]);
    await context.close();
  });

  it('shows the mail page in Swedish (sv)', async () => {
    const { context, page } = await signedIn('e2e-admin');
    await page.goto('/sv/admin/outbox');
    await expect.poll(() => heading(page).textContent()).toBe('E-post');
    await expect
      .poll(async () => (await page.getByRole('main').textContent()) ?? '')
      .toContain('Meddelandena skickas via en e-postserver.');
    await page.getByRole('table', { name: /inte kom fram/ }).waitFor();
    await page
      .getByRole('button', { name: `Skicka på nytt: ${RECIPIENT}` })
      .first()
      .waitFor();
    const violations = await axeViolations(page, '/sv/admin/outbox');
    await shots(page, 'mail-admin-sv');
    expect(violations).toEqual([]);
    await context.close();
  });

  it('keeps a coordinator’s choice not to receive reminders, in Swedish and in Finnish (sv, fi)', async () => {
    const { context, page } = await signedIn('e2e-sisalto');
    await page.goto('/sv/');
    await page.getByRole('link', { name: 'E-postinställningar' }).click();
    await expect.poll(() => heading(page).textContent()).toBe('E-postinställningar');
    await expect
      .poll(async () => (await page.getByRole('main').textContent()) ?? '')
      .toContain('sisalto@e2e.example.fi');
    const reminders = page.getByRole('checkbox', { name: 'Påminnelser om tidsfrister' });
    expect(await reminders.isChecked()).toBe(true);
    const violations = await axeViolations(page, '/sv/me/mail');
    await reminders.setChecked(false, { force: true });
    await page.getByRole('button', { name: 'Spara inställningarna' }).click();
    await page.getByText('Inställningarna har sparats.').waitFor();
    violations.push(...(await axeViolations(page, '/sv/me/mail (saved)')));
    await shots(page, 'my-mail-sv');

    await page.goto('/fi/me/mail');
    const finnish = page.getByRole('checkbox', { name: 'Muistutukset määräajoista' });
    await finnish.waitFor();
    expect(await finnish.isChecked()).toBe(false);
    expect(await page.getByRole('checkbox', { name: 'Raportti palautettu korjattavaksi' }).isChecked()).toBe(true);
    const settings = (await (await context.request.get('/api/v1/me/notifications')).json()) as {
      kinds: { kind: string; receive: boolean }[];
    };
    expect(settings.kinds.find((kind) => kind.kind === 'reminder')?.receive).toBe(false);
    violations.push(...(await axeViolations(page, '/fi/me/mail')));
    await shots(page, 'my-mail-fi');
    expect(violations).toEqual([]);
    await context.close();
  });
});
