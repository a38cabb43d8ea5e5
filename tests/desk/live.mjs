// The desk as a live chat: the customer's words reach the open conversation without a
// click, two held chats keep their drafts, a server restart loses no turn, and the
// first screen after accepting shows the latest customer message and the composer at
// 1280×800 and at 400 px. Started by crates/cli/tests/e2e/desk.rs, which restarts the
// server when this script prints `{"restart": true}` and answers on stdin with a JSON
// line `{"posted": [texts posted right after the restart]}`.
// Same environment as desk.mjs; prints `{"turn_ms", "handoffs"}` on success.
import { createInterface } from 'node:readline';
import { asBot, askForHuman, check, env, fail, launch, login, postTurn, shot, step } from './lib.mjs';

const WIDE = { width: 1280, height: 800 };
const NARROW = { width: 400, height: 800 };
const lines = createInterface({ input: process.stdin });
const stdin = lines[Symbol.asyncIterator]();

const card = (page, id) => page.locator(`[data-testid="card"][data-id="${id}"]`);
const entry = (page, text) => page.locator('[data-testid="history-entry"]').filter({ hasText: text });

// Whether `locator`'s whole box is inside the window, unscrolled by the test.
async function onScreen(page, locator, what) {
  const box = await locator.boundingBox();
  const vp = page.viewportSize();
  check(box, `${what} is not rendered`);
  const inside = box.y >= 0 && box.x >= 0 && box.y + box.height <= vp.height + 1 && box.x + box.width <= vp.width + 1;
  check(inside, `${what} is outside the ${vp.width}×${vp.height} window: ${JSON.stringify(box)}`);
}

// Opens an offered conversation, confirms reading, accepts; then the first screen must
// show the customer's latest message and the composer.
async function take(page, id, name) {
  const note = (m) => console.error(`    ${name}: ${m}`);
  await card(page, id).locator('button').click();
  note('opened');
  await page.locator(`article.detail[data-id="${id}"]`).waitFor();
  await page.getByTestId('read-confirm').check();
  await page.locator('[data-testid="accept"]:enabled').click();
  await page.getByTestId('reply-input').waitFor();
  note('accepted');
  const latest = page.locator('[data-testid="history-entry"][data-role="customer"]').last();
  await page.waitForFunction(() => {
    const t = document.querySelector('[data-testid="thread"]');
    return t && Math.abs(t.scrollHeight - t.clientHeight - t.scrollTop) < 2;
  });
  note('scrolled to the end');
  await onScreen(page, latest, 'the latest customer message');
  await onScreen(page, page.getByTestId('reply-input'), 'the composer');
  await onScreen(page, page.getByTestId('detail-reason'), 'the reason');
  await shot(page, name);
}

async function newConversation(name) {
  const conv = await asBot('POST', '/conversations', { channel: 'chat', customer: { name } });
  await postTurn({ role: 'customer', text: `Hello, this is ${name}. My invoice has an extra line I never ordered.` }, conv.id);
  await postTurn({ role: 'ai', text: 'I can see the invoice. Which line do you mean?', confidence: 0.8 }, conv.id);
  return conv.id;
}

async function main() {
  const errors = [];
  const browser = await launch();
  const alice = await step('alice logs in at 1280×800', () => login(browser, 'alice', env('ALICE_PASSWORD'), errors, WIDE));
  const convA = env('CONVERSATION_ID');
  const { id: a } = await step('the first customer asks for a person', () => askForHuman(alice, convA));

  await step('after accepting at 1280×800 the latest customer message and the composer are on screen', () =>
    take(alice, a, 'live-1-accepted-1280.png'));

  const turnMs = await step('a customer turn posted through the API appears in the open thread by itself, without a click', async () => {
    const text = 'The extra line says "Premium support", 9.99 a month.';
    const t0 = Date.now();
    await postTurn({ role: 'customer', text }, convA);
    await entry(alice, text).waitFor({ timeout: 10000 });
    const ms = Date.now() - t0;
    await onScreen(alice, entry(alice, text), 'the new customer message');
    return ms;
  });

  await step('the customer typing is shown', async () => {
    await asBot('POST', `/conversations/${convA}/typing`, { typing: true });
    await alice.getByTestId('typing').waitFor({ state: 'visible', timeout: 2000 });
  });

  const HALF_A = 'Thanks Ada, I am checking the Premium support line and';
  const HALF_B = 'Hello Grace, let me look at';
  const convB = await step('a second customer asks for a person while alice writes to the first', async () => {
    await alice.getByTestId('reply-input').fill(HALF_A);
    return newConversation('Grace Hopper');
  });
  const { id: b } = await step('the second offer reaches alice live', () => askForHuman(alice, convB));
  await step("while it is offered, the AI's and its tools' turns reach the open conversation live", async () => {
    await card(alice, b).locator('button').click();
    await alice.locator(`article.detail[data-id="${b}"]`).waitFor();
    await postTurn({ role: 'tool', text: 'invoice_lookup(INV-9) -> 3 lines' }, convB);
    await postTurn({ role: 'ai', text: 'A colleague will be with you shortly.' }, convB);
    await entry(alice, 'invoice_lookup(INV-9)').waitFor({ timeout: 10000 });
    await entry(alice, 'A colleague will be with you shortly.').waitFor({ timeout: 10000 });
  });
  await step('alice takes the second chat and starts a reply there', async () => {
    await take(alice, b, 'live-2-second-chat.png');
    await alice.getByTestId('reply-input').fill(HALF_B);
  });

  await step('a message in the first chat shows as unread on its card and in the tab title', async () => {
    await postTurn({ role: 'customer', text: 'Are you still there?' }, convA);
    await card(alice, a).getByTestId('card-unread').filter({ hasText: '1' }).waitFor({ timeout: 2000 });
    check(/unread/.test(await alice.title()), `the tab title does not count it: ${await alice.title()}`);
    check(await entry(alice, 'Are you still there?').count() === 0, 'the other chat shows in this thread');
  });

  await step('switching back keeps the half-written reply and shows the new message', async () => {
    await card(alice, a).locator('button').click();
    await alice.locator(`article.detail[data-id="${a}"]`).waitFor();
    check(await alice.getByTestId('reply-input').inputValue() === HALF_A, 'the first draft was lost');
    await entry(alice, 'Are you still there?').waitFor();
    check(await card(alice, a).getByTestId('card-unread').count() === 0, 'still unread after opening');
    await card(alice, b).locator('button').click();
    await alice.locator(`article.detail[data-id="${b}"]`).waitFor();
    check(await alice.getByTestId('reply-input').inputValue() === HALF_B, 'the second draft was lost');
    await card(alice, a).locator('button').click();
    await alice.locator(`article.detail[data-id="${a}"]`).waitFor();
    await shot(alice, 'live-3-switched.png');
  });

  const posted = await step('the server restarts; turns posted meanwhile reach the thread once each', async () => {
    console.log(JSON.stringify({ restart: true }));
    const { value } = await stdin.next();
    const { posted } = JSON.parse(value);
    await alice.locator('[data-testid="conn-status"][data-state="closed"]').waitFor({ timeout: 10000 }).catch(() => {});
    await alice.locator('[data-testid="conn-status"][data-state="open"]').waitFor({ timeout: 20000 });
    for (const text of posted) await entry(alice, text).waitFor({ timeout: 5000 });
    const after = 'And one more after the restart.';
    await postTurn({ role: 'customer', text: after }, convA);
    await entry(alice, after).waitFor({ timeout: 2000 });
    const server = await asBot('GET', `/conversations/${convA}`);
    const want = server.turns.map((t) => t.seq);
    const seen = await alice.locator('[data-testid="history-entry"]').evaluateAll((els) => els.map((e) => Number(e.dataset.seq)));
    check(JSON.stringify(seen) === JSON.stringify(want), `the thread has turns ${seen}, the server ${want}`);
    check(await alice.getByTestId('reply-input').inputValue() === HALF_A, 'the draft was lost in the restart');
    check(await alice.evaluate(() => window.__noReload === true), 'the page was reloaded');
    await shot(alice, 'live-4-after-restart.png');
    return posted;
  }, 40000);

  await step('at 400 px the first screen after accepting shows the latest customer message and the composer', async () => {
    const narrow = await login(browser, 'alice', env('ALICE_PASSWORD'), errors, NARROW);
    const convC = await newConversation('Katherine Johnson');
    const { id: c } = await askForHuman(narrow, convC);
    console.error('    the offer reached the narrow page');
    await take(narrow, c, 'live-5-accepted-400.png');
    const text = 'I am on my phone, sorry for the typos';
    await postTurn({ role: 'customer', text }, convC);
    await entry(narrow, text).waitFor({ timeout: 10000 });
    await onScreen(narrow, entry(narrow, text), 'the new message at 400 px');
    await narrow.getByTestId('back').click();
    await card(narrow, c).waitFor();
  });

  await step('no script errors (the refused connections while the server was down aside)', async () => {
    const real = errors.filter((e) => !/WebSocket connection|ERR_CONNECTION_REFUSED|Failed to load resource|Failed to fetch/.test(e));
    check(real.length === 0, real.join('\n'));
  });
  await browser.close();
  console.log(JSON.stringify({ turn_ms: turnMs, handoffs: [a, b], posted }));
  process.exit(0);
}

main().catch((e) => fail(e.stack || String(e)));
