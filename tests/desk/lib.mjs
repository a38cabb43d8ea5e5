// What the desk browser scenarios share: steps with a timeout each, Debian's Chromium,
// logging in on the page, and posting a turn as the AI agent.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

export const env = (k) => process.env[k] || fail(`environment variable ${k} is not set`);
const STEP_MS = Number(process.env.STEP_TIMEOUT_MS || 20000);

let browser;
let current = 'start';
export function fail(msg) {
  console.error(`desk e2e FAILED at step "${current}": ${msg}`);
  browser?.close().catch(() => {});
  process.exit(1);
}
// Hard stop: a scenario never outlives two minutes.
setTimeout(() => fail('the whole run took longer than 120 s'), 120000).unref();

export async function step(name, fn, ms = STEP_MS) {
  current = name;
  const t0 = Date.now();
  let timer;
  try {
    const out = await Promise.race([
      fn(),
      new Promise((_, rej) => { timer = setTimeout(() => rej(new Error(`timed out after ${ms} ms`)), ms); }),
    ]);
    console.error(`  ok ${name} (${Date.now() - t0} ms)`);
    return out;
  } catch (e) {
    return fail(e.message);
  } finally {
    clearTimeout(timer);
  }
}
export function check(cond, msg) { if (!cond) throw new Error(msg); }

export function shot(page, name) {
  const dir = env('SCREENSHOT_DIR');
  mkdirSync(dir, { recursive: true });
  return page.screenshot({ path: join(dir, name) });
}

export async function launch() {
  browser = await step('launch chromium', () => chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  }), 30000);
  return browser;
}

// Logs in through the form and waits for the live feed; `errors` collects script errors.
export async function login(browser, username, password, errors, viewport = { width: 1280, height: 860 }) {
  const ctx = await browser.newContext({ viewport });
  const page = await ctx.newPage();
  page.on('pageerror', (e) => errors.push(`${username}: page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) errors.push(`${username}: console: ${m.text()}`);
  });
  await page.goto(`${env('BATON_URL')}/desk`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('me-name').waitFor();
  await page.locator('[data-testid="conn-status"][data-state="open"]').waitFor();
  // Marks this document: if it is still there later, the page was never reloaded.
  await page.evaluate(() => { window.__noReload = true; });
  return page;
}

// Calls the API as the AI agent; the answer's JSON.
export async function asBot(method, path, body) {
  const res = await fetch(`${env('BATON_URL')}/v1${path}`, {
    method,
    headers: { Authorization: `Bearer ${env('AI_SECRET')}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  const json = text ? JSON.parse(text) : null;
  check(res.ok, `${method} ${path} answered ${res.status}: ${text}`);
  return json;
}

// Posts a turn as the AI agent (to the test's conversation unless `conv` is given).
export const postTurn = (turn, conv = env('CONVERSATION_ID')) => asBot('POST', `/conversations/${conv}/turns`, turn);

// The customer asks for a human; the card must reach `page` by itself (no reload, no
// click). How long it took is reported, not asserted: speed is measured by `baton bench --desk`.
export async function askForHuman(page, conv = env('CONVERSATION_ID')) {
  const t0 = Date.now();
  const body = await postTurn({ role: 'customer', text: 'I want to speak to a human agent now' }, conv);
  check(body.handoff_id, `the turn decided no handoff: ${JSON.stringify(body.decision)}`);
  await page.locator(`[data-testid="card"][data-id="${body.handoff_id}"]`).waitFor({ timeout: 10000 });
  const ms = Date.now() - t0;
  check(await page.evaluate(() => window.__noReload === true), 'the page was reloaded');
  return { id: body.handoff_id, ms };
}

// `GET path` from inside the page, with its session: the status and JSON body.
export const pageGet = (page, path) => page.evaluate(async (p) => {
  const r = await fetch(p);
  return { status: r.status, body: await r.json().catch(() => null) };
}, path);
