// Drives the Baton desk page in Debian's Chromium, as two desk users would.
// Started by crates/cli/tests/e2e/desk.rs, which sets up the server and passes:
//   BATON_URL, AI_SECRET, CONVERSATION_ID, ALICE_PASSWORD, BOB_PASSWORD, SCREENSHOT_DIR
// Prints one JSON line `{"handoff_id", "card_ms", "reply"}` on success; exits 1 naming the failed step.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const env = (k) => process.env[k] || fail(`environment variable ${k} is not set`);
const URL_ = env('BATON_URL');
const AI_SECRET = env('AI_SECRET');
const CONV = env('CONVERSATION_ID');
const SHOTS = env('SCREENSHOT_DIR');
const CARD_NUMBER = /4111[ -]?1111[ -]?1111[ -]?1111/;
const REPLY = 'Hi Ada, this is Alice from support. I can see the double charge and will refund it.';
const STEP_MS = Number(process.env.STEP_TIMEOUT_MS || 20000);

let browser;
let current = 'start';
function fail(msg) {
  console.error(`desk e2e FAILED at step "${current}": ${msg}`);
  browser?.close().catch(() => {});
  process.exit(1);
}
// Hard stop: the whole run never outlives two minutes.
setTimeout(() => fail('the whole run took longer than 120 s'), 120000).unref();

async function step(name, fn, ms = STEP_MS) {
  current = name;
  const t0 = Date.now();
  let timer;
  try {
    return await Promise.race([
      fn(),
      new Promise((_, rej) => { timer = setTimeout(() => rej(new Error(`timed out after ${ms} ms`)), ms); }),
    ]);
  } catch (e) {
    return fail(e.message);
  } finally {
    clearTimeout(timer);
    console.error(`  ok ${name} (${Date.now() - t0} ms)`);
  }
}
function check(cond, msg) { if (!cond) throw new Error(msg); }

async function login(ctx, username, password, errors) {
  const page = await ctx.newPage();
  page.on('pageerror', (e) => errors.push(`${username}: page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error' && !/status of 40[134]/.test(m.text())) errors.push(`${username}: console: ${m.text()}`); });
  await page.goto(`${URL_}/desk`);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('me-name').waitFor();
  await page.locator('[data-testid="conn-status"][data-state="open"]').waitFor();
  // Marks this document: if it is still there later, the page was never reloaded.
  await page.evaluate(() => { window.__noReload = true; });
  return page;
}

async function main() {
  mkdirSync(SHOTS, { recursive: true });
  const errors = [];
  browser = await step('launch chromium', () => chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  }), 30000);
  const viewport = { width: 1280, height: 860 };
  const aliceCtx = await browser.newContext({ viewport });
  const bobCtx = await browser.newContext({ viewport });

  await step('a wrong password is refused on the page', async () => {
    const page = await aliceCtx.newPage();
    await page.goto(`${URL_}/desk`);
    await page.getByTestId('login-username').fill('alice');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').waitFor();
    await page.close();
  });
  const alice = await step('alice logs in', () => login(aliceCtx, 'alice', env('ALICE_PASSWORD'), errors));
  const bob = await step('bob logs in', () => login(bobCtx, 'bob', env('BOB_PASSWORD'), errors));

  await step("bob's page records every card it ever shows", () => bob.evaluate(() => {
    window.__seen = new Set();
    const note = () => document.querySelectorAll('[data-testid="card"]').forEach((c) => window.__seen.add(c.dataset.id));
    note();
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true });
  }));

  // The customer asks for a human: the card must reach alice's open page by itself.
  const { id, ms } = await step('the customer asks for a human and the card appears live', async () => {
    const t0 = Date.now();
    const res = await fetch(`${URL_}/v1/conversations/${CONV}/turns`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${AI_SECRET}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ role: 'customer', text: 'I want to speak to a human agent now' }),
    });
    const body = await res.json();
    check(res.ok, `posting the turn answered ${res.status}: ${JSON.stringify(body)}`);
    check(body.handoff_id, `the turn decided no handoff: ${JSON.stringify(body.decision)}`);
    const card = alice.locator(`[data-testid="card"][data-id="${body.handoff_id}"]`);
    await card.waitFor({ timeout: 5000 });
    const took = Date.now() - t0;
    check(took <= 1000, `the card took ${took} ms to appear (limit 1000 ms)`);
    check(await alice.evaluate(() => window.__noReload === true), 'the page was reloaded');
    return { id: body.handoff_id, ms: took };
  });
  const card = alice.locator(`[data-testid="card"][data-id="${id}"]`);

  await step('the card shows the reason, customer, waiting time and offer countdown', async () => {
    check((await card.getAttribute('data-reason')) === 'explicit_request', 'the card is not marked explicit_request');
    check(/human/i.test(await card.getByTestId('card-reason').innerText()), 'the card does not say the customer asked for a human');
    check(/Ada/.test(await card.getByTestId('card-customer').innerText()), 'the customer name is missing');
    check(/waiting \d+:\d\d/.test(await card.getByTestId('card-waiting').innerText()), 'no waiting time');
    const countdown = card.getByTestId('card-countdown');
    check(await countdown.count() === 1, 'no offer countdown on an offered card');
    check(/offer ends in \d+:\d\d/.test(await countdown.innerText()), `bad countdown: ${await countdown.innerText()}`);
    await alice.screenshot({ path: join(SHOTS, '1-list.png') });
  });

  await step('alice opens the handoff and reads its context', async () => {
    await card.locator('button').click();
    await alice.locator(`article.detail[data-id="${id}"]`).waitFor();
    const reason = alice.getByTestId('detail-reason');
    check((await reason.innerText()).includes('explicit_request'), 'the opened handoff does not show explicit_request');
    const entries = alice.getByTestId('history-entry');
    const n = await entries.count();
    check(n >= 3, `expected at least 3 history entries, saw ${n}`);
    for (let i = 0; i < n; i++) {
      const e = entries.nth(i);
      const at = await e.getByTestId('history-time').getAttribute('datetime');
      check(at && !Number.isNaN(Date.parse(at)), `history entry ${i} has no timestamp`);
      check(/\d{1,2}:\d\d:\d\d/.test(await e.getByTestId('history-time').innerText()), `history entry ${i} shows no time`);
      check((await e.getByTestId('history-role').innerText()).trim().length > 0, `history entry ${i} has no speaker`);
    }
    const roles = await entries.evaluateAll((els) => els.map((el) => el.dataset.role));
    check(roles.includes('customer') && roles.includes('ai'), `speakers: ${roles}`);
    const last = await entries.last().getByTestId('history-text').innerText();
    check(last.includes('speak to a human'), `the last entry is not the request: ${last}`);
    const mark = alice.getByTestId('history-text').getByTestId('redaction-mark').first();
    check(await mark.isVisible(), 'no visible redaction mark in the history');
    const html = await alice.content();
    check(!CARD_NUMBER.test(html), 'the raw card number is in the DOM');
    check(!CARD_NUMBER.test(await bob.content()), "the raw card number is in bob's DOM");
    check(await alice.getByTestId('redactions-list').locator('li').count() >= 1, 'the redactions are not listed');
    check(await alice.getByTestId('accept').isDisabled(), 'Accept is enabled before reading is confirmed');
    await alice.screenshot({ path: join(SHOTS, '2-opened.png') });
  });

  await step('alice confirms reading and accepts', async () => {
    await alice.getByTestId('read-confirm').check();
    await alice.locator('[data-testid="accept"]:enabled').waitFor();
    await alice.getByTestId('accept').click();
    await alice.getByTestId('reply-input').waitFor();
    const st = await alice.getByTestId('detail-state').getAttribute('data-state');
    check(st === 'accepted' || st === 'active', `state after accept: ${st}`);
    await card.locator('.state').filter({ hasText: /yours/i }).waitFor();
    await alice.screenshot({ path: join(SHOTS, '3-accepted.png') });
  });

  await step('alice replies to the customer', async () => {
    await alice.getByTestId('reply-input').fill(REPLY);
    await alice.getByTestId('reply-send').click();
    await alice.locator('[data-testid="history-entry"][data-role="human"]').filter({ hasText: REPLY }).waitFor();
    check((await alice.getByTestId('reply-input').inputValue()) === '', 'the reply box was not cleared');
  });

  await step('alice resolves with a code and sends her verdict', async () => {
    await alice.getByTestId('resolve-code').fill('refund_issued');
    await alice.getByTestId('resolve-note').fill('refunded the double charge');
    await alice.getByTestId('resolve').click();
    await alice.locator('[data-testid="detail-state"][data-state="resolved"]').waitFor();
    await alice.getByTestId('feedback-form').waitFor();
    await alice.screenshot({ path: join(SHOTS, '4-resolved.png') });
    await alice.getByTestId('feedback-submit').click();
    await alice.getByTestId('feedback-thanks').waitFor();
  });

  await step('bob never saw the handoff and cannot open it', async () => {
    const seen = await bob.evaluate(() => [...window.__seen]);
    check(!seen.includes(id), "bob's page showed alice's handoff");
    check(await bob.locator(`[data-testid="card"][data-id="${id}"]`).count() === 0, "bob's list has the handoff");
    const status = await bob.evaluate(async (hid) => (await fetch(`/desk/api/handoffs/${hid}`)).status, id);
    check(status === 404, `bob's GET /desk/api/handoffs/${id} answered ${status}, not 404`);
    check(await bob.evaluate(() => window.__noReload === true), "bob's page was reloaded");
  });

  await step('no script errors on either page', async () => {
    check(errors.length === 0, errors.join('\n'));
  });
  await browser.close();
  console.log(JSON.stringify({ handoff_id: id, card_ms: ms, reply: REPLY }));
}

main().catch((e) => fail(e.stack || String(e)));
