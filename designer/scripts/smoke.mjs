// Browser smoke run of the BUILT studio against the in-memory mock API (mock/mockApi.ts), in headless Chromium.
//   npm run build && npm run smoke            (CHROMIUM_PATH overrides /usr/bin/chromium; SMOKE_OUT sets the screenshot folder)
// It walks the main pages, checks what a user would see, prints timings for opening the 200-activity workflow and
// saves screenshots. It is a harness, not a test suite: it asserts behaviour, and only reports timings.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { createServer, preview } from 'vite';

// vite.mock.config.ts imports TypeScript without extensions, which Vite's future native config loader will not take;
// the warning is about the dev-only mock and says nothing about the studio.
process.env.VITE_CONFIG_NATIVE_IGNORE_WARNING = 'true';
const out = resolve(process.env.SMOKE_OUT ?? 'test-artifacts/smoke');
mkdirSync(out, { recursive: true });
// SMOKE_DEV=1 runs against the dev server instead (unminified React: its development warnings become visible).
const dev = process.env.SMOKE_DEV === '1';
const server = dev
  ? await (await createServer({ configFile: 'vite.mock.config.ts', mode: 'mock', server: { port: 4179, strictPort: true }, logLevel: 'warn' })).listen()
  : await preview({ configFile: 'vite.mock.config.ts', mode: 'mock', preview: { port: 4179, strictPort: true }, logLevel: 'warn' });
const base = 'http://127.0.0.1:4179';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1'],
});
const failures = [];
const check = (ok, message) => {
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${message}`);
  if (!ok) failures.push(message);
};

try {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const consoleErrors = [];
  // A 401 from /api/auth/me before signing in is expected; the browser logs it as a failed resource.
  page.on('console', (m) => m.type() === 'error' && !m.text().includes('status of 401') && consoleErrors.push(m.text()));
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  const consoleWarnings = new Set();
  page.on('console', (m) => m.type() === 'warning' && consoleWarnings.add(m.text().slice(0, 160)));

  await page.goto(`${base}/workflows`);
  await page.getByLabel('Email').fill('admin@example.com');
  await page.getByLabel('Password').fill('x');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('workflows-table').waitFor();
  check((await page.getByTestId('workflows-table').locator('tbody tr').count()) >= 4, 'workflows list shows the seeded workflows');
  await page.getByTestId('workflow-search').fill('large');
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="workflows-table"] tbody tr').length === 1);
  check(true, 'search filters the list');
  await page.getByTestId('workflow-search').fill('');
  await page.screenshot({ path: `${out}/01-workflows.png` });

  await page.getByTestId('new-workflow').click();
  await page.getByRole('form', { name: 'New workflow' }).getByLabel('Name').fill('Smoke created');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByTestId('node-start').waitFor();
  check(page.url().endsWith('/workflows/smoke-created'), 'New workflow creates a draft with a Start and opens it');

  await page.goto(`${base}/workflows/timers.and-duplicates`);
  await page.getByTestId('node-trigger').waitFor();
  check((await page.locator('.react-flow__edge').count()) === 7, 'a dotted id deep-links, and duplicated connections are all drawn');

  // 200 activities: time from navigation to nodes drawn, and to a click selecting a node.
  const timings = [];
  await page.addInitScript(() => {
    const seen = () => {
      if (!window.__firstNode && document.querySelector('.react-flow__node')) window.__firstNode = performance.now();
      if (!window.__firstNode) requestAnimationFrame(seen);
    };
    requestAnimationFrame(seen);
  });
  for (let run = 0; run < 3; run++) {
    await page.goto(`${base}/workflows`);
    await page.getByTestId('workflows-table').waitFor();
    const t0 = Date.now();
    await page.goto(`${base}/workflows/large-200`);
    await page.locator('.react-flow__node').first().waitFor();
    const drawn = Date.now() - t0;
    await page.locator('.react-flow__node').first().click();
    await page.getByTestId('activity-properties').waitFor();
    const inPage = await page.evaluate(() => {
      const nav = performance.getEntriesByType('navigation')[0];
      const res = performance.getEntriesByType('resource').filter((r) => r.name.includes('/api/')).map((r) => `${new URL(r.name).pathname}@${Math.round(r.startTime)}-${Math.round(r.responseEnd)}`);
      return { domContentLoaded: Math.round(nav.domContentLoadedEventEnd), firstNode: Math.round(window.__firstNode ?? -1), api: res };
    });
    timings.push({ drawn, interactive: Date.now() - t0, rendered: await page.locator('.react-flow__node').count(), ...inPage });
  }
  console.log('large-200 open timings (ms, incl. navigation, descriptors and definition fetch):', JSON.stringify(timings));
  await page.screenshot({ path: `${out}/02-large-200.png` });

  await page.goto(`${base}/workflows/major-incident-escalation`);
  await page.getByTestId('node-route').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-testid="validation-status"]')?.textContent?.includes('none'));
  check(true, 'the rich workflow validates clean');
  await page.getByTestId('node-route').click();
  await page.getByTestId('decision-table').waitFor();
  check((await page.getByTestId('decision-table').locator('tbody tr').count()) === 3, 'Route shows its decision table (3 rules)');
  await page.screenshot({ path: `${out}/03-designer-route.png` });

  await page.getByTestId('node-ack').click();
  await page.getByTestId('form-designer').waitFor();
  check((await page.getByTestId('node-ack').locator('.react-flow__handle.source').count()) === 2, 'HumanTask has a handle per outcome');
  await page.getByRole('button', { name: 'Preview form' }).click();
  await page.getByTestId('form-preview').locator('input, select, textarea').first().waitFor();
  check(true, 'form preview renders with RJSF');
  await page.screenshot({ path: `${out}/04-designer-form.png` });

  // Expression type remembered after clearing and reselecting.
  await page.getByTestId('node-notify').click();
  const typeSelect = page.getByLabel('Expression type for Message');
  await typeSelect.selectOption('javascript');
  await page.locator('#input-notify-message').fill('');
  await page.getByTestId('node-start').click();
  await page.getByTestId('node-notify').click();
  check((await page.getByLabel('Expression type for Message').inputValue()) === 'javascript', 'cleared input keeps its JavaScript type after reselect');
  await page.waitForFunction(() => document.querySelector('[data-testid="node-errors-notify"]') !== null);
  check(true, 'missing required input is flagged on the node');
  check(await page.getByTestId('publish').isDisabled(), 'publish is disabled while invalid');
  await page.screenshot({ path: `${out}/05-designer-invalid.png` });
  await page.keyboard.press('Escape');
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await page.waitForFunction(() => document.querySelector('[data-testid="node-errors-notify"]') === null);
  check(true, 'undo restores the message and the error goes away');

  // Palette drop onto the canvas, then connect a port.
  const canvas = await page.locator('.react-flow__pane').boundingBox();
  const dataTransfer = await page.evaluateHandle(() => new DataTransfer());
  await page.getByTestId('palette-Delay').dispatchEvent('dragstart', { dataTransfer });
  await page.locator('.react-flow__pane').dispatchEvent('drop', { dataTransfer, clientX: canvas.x + 300, clientY: canvas.y + 400 });
  await page.getByTestId('node-delay1').waitFor();
  check(true, 'dropping a palette item adds a node');
  const from = await page.locator('[data-testid="node-delay1"] .react-flow__handle.source').boundingBox();
  const to = await page.locator('[data-testid="node-end"] .react-flow__handle.target').boundingBox();
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 20 });
  await page.mouse.up();
  await page.locator('[data-testid="rf__edge-delay1:Done->end"]').waitFor();
  check(true, 'dragging from a port to a node connects them');
  await page.getByTestId('node-delay1').click();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await page.getByTestId('node-delay2').waitFor();
  check(true, 'Ctrl+C / Ctrl+V pastes a copy with a new id');
  await page.keyboard.press('Delete');
  await page.getByTestId('node-delay2').waitFor({ state: 'detached' });
  check(true, 'Delete removes the selected copy');
  await page.keyboard.press('Control+s');
  await page.waitForFunction(() => document.querySelector('[data-testid="save-state"]')?.textContent === 'All changes saved');
  check(true, 'Ctrl+S saves the draft');

  await page.getByRole('button', { name: 'Auto layout' }).click();
  await page.waitForFunction(() => document.querySelector('[data-testid="save-state"]')?.textContent === 'Unsaved changes');
  check(true, 'auto layout (elkjs, lazy) moves the nodes');
  await page.screenshot({ path: `${out}/06-designer-layout.png` });

  // The session ends while there are unsaved changes: a sign-in dialog appears over the page, nothing is lost.
  await context.clearCookies();
  await page.keyboard.press('Control+s');
  const dialog = page.getByRole('dialog', { name: 'Session expired' });
  await dialog.waitFor();
  await dialog.getByLabel('Email').fill('admin@example.com');
  await dialog.getByLabel('Password').fill('x');
  await dialog.getByRole('button', { name: 'Sign in' }).click();
  await dialog.waitFor({ state: 'detached' });
  check((await page.getByTestId('save-state').textContent()) === 'Unsaved changes', 'after the session expired and sign-in, the unsaved layout is still there');
  await page.getByTestId('save').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="save-state"]')?.textContent === 'All changes saved');
  check(true, 'and it saves');

  await page.goto(`${base}/workflows/major-incident-escalation/versions`);
  await page.getByTestId('version-diff').waitFor();
  await page.getByTestId('diff-canvas').locator('.react-flow__node').first().waitFor();
  check((await page.locator('[data-testid="diff-canvas"] [data-mark="removed"]').count()) >= 1, 'diff marks removed activities');
  await page.screenshot({ path: `${out}/07-versions-diff.png` });

  await page.goto(`${base}/instances`);
  await page.getByTestId('instances-table').waitFor();
  await page.getByRole('link', { name: 'inst-0001' }).click();
  await page.getByTestId('instance-canvas').locator('.react-flow__node').first().waitFor();
  check((await page.locator('[data-testid="instance-canvas"] .react-flow__edge.edge-traversed').count()) >= 5, 'instance viewer highlights traversed connections');
  check((await page.getByTestId('node-faults-http1').count()) === 1, 'fault badge on the failed activity');
  await page.screenshot({ path: `${out}/08-instance.png` });

  // A viewer sees no editing affordances.
  await context.clearCookies();
  await page.goto(`${base}/workflows`);
  await page.getByLabel('Email').fill('viewer@example.com');
  await page.getByLabel('Password').fill('x');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByTestId('workflows-table').waitFor();
  check((await page.getByTestId('new-workflow').count()) === 0, 'viewer is not offered "New workflow"');
  await page.goto(`${base}/workflows/major-incident-escalation`);
  await page.getByTestId('node-route').waitFor();
  check((await page.getByTestId('save').count()) === 0 && (await page.getByTestId('palette').count()) === 0, 'viewer gets no palette and no Save');
  await page.screenshot({ path: `${out}/09-viewer.png` });

  if (consoleWarnings.size) console.log('console warnings:', [...consoleWarnings].join(' | '));
  check(consoleErrors.length === 0, `no console errors${consoleErrors.length ? `: ${consoleErrors.slice(0, 5).join(' | ')}` : ''}`);
} finally {
  await browser.close();
  await server.close();
}
console.log(`${failures.length === 0 ? 'smoke passed' : `smoke FAILED (${failures.length})`}; screenshots in ${out}`);
process.exit(failures.length === 0 ? 0 : 1);
