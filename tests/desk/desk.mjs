// A desk user takes a handoff end to end, in Debian's Chromium; another never sees it.
// Started by crates/cli/tests/e2e/desk.rs, which sets up the server and passes:
//   BATON_URL, AI_SECRET, CONVERSATION_ID, ALICE_PASSWORD, BOB_PASSWORD, SCREENSHOT_DIR
// Prints one JSON line `{"handoff_id", "card_ms", "reply"}` on success; exits 1 naming the failed step.
import { askForHuman, check, env, fail, launch, login, pageGet, shot, step } from './lib.mjs';

const CARD_NUMBER = /4111[ -]?1111[ -]?1111[ -]?1111/;
const REPLY = 'Hi Ada, this is Alice from support. I have found your order and will track it down for you.';

async function main() {
  const errors = [];
  const browser = await launch();

  await step('a wrong password is refused on the page', async () => {
    const page = await browser.newPage();
    await page.goto(`${env('BATON_URL')}/desk`);
    await page.getByTestId('login-username').fill('alice');
    await page.getByTestId('login-password').fill('not-the-password');
    await page.getByTestId('login-submit').click();
    await page.getByTestId('login-error').waitFor();
    await page.close();
  });
  const alice = await step('alice logs in', () => login(browser, 'alice', env('ALICE_PASSWORD'), errors));
  const bob = await step('bob logs in', () => login(browser, 'bob', env('BOB_PASSWORD'), errors));

  await step("bob's page records every card it ever shows", () => bob.evaluate(() => {
    window.__seen = new Set();
    const note = () => document.querySelectorAll('[data-testid="card"]').forEach((c) => window.__seen.add(c.dataset.id));
    note();
    new MutationObserver(note).observe(document.body, { subtree: true, childList: true, attributes: true });
  }));

  const { id, ms } = await step('the customer asks for a human and the card appears live', () => askForHuman(alice));
  const card = alice.locator(`[data-testid="card"][data-id="${id}"]`);

  await step('the card shows the reason, customer, waiting time and offer countdown', async () => {
    check((await card.getAttribute('data-reason')) === 'explicit_request', 'the card is not marked explicit_request');
    check(/asked for a person/i.test(await card.getByTestId('card-reason').innerText()), 'the card does not say the customer asked for a person');
    check(/Ada/.test(await card.getByTestId('card-customer').innerText()), 'the customer name is missing');
    check(/waiting \d+:\d\d/.test(await card.getByTestId('card-waiting').innerText()), 'no waiting time');
    const countdown = card.getByTestId('card-countdown');
    check(await countdown.count() === 1, 'no offer countdown on an offered card');
    check(/offer ends in \d+:\d\d/.test(await countdown.innerText()), `bad countdown: ${await countdown.innerText()}`);
    await shot(alice, '1-list.png');
  });

  await step('alice opens the handoff and reads its context', async () => {
    await card.locator('button').click();
    await alice.locator(`article.detail[data-id="${id}"]`).waitFor();
    check((await alice.getByTestId('detail-reason').getAttribute('data-reason')) === 'explicit_request',
      'the opened handoff is not marked explicit_request');
    check(/asked for a person/i.test(await alice.getByTestId('detail-reason').innerText()), 'the reason is not in words');
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
    check(/card number hidden/.test(await mark.innerText()), `the redaction mark is not in words: ${await mark.innerText()}`);
    check(!CARD_NUMBER.test(await alice.content()), 'the raw card number is in the DOM');
    check(!CARD_NUMBER.test(await bob.content()), "the raw card number is in bob's DOM");
    check(await alice.getByTestId('redactions-list').locator('li').count() >= 1, 'the redactions are not listed');
    check(await alice.getByTestId('accept').isDisabled(), 'Accept is enabled before reading is confirmed');
    await shot(alice, '2-opened.png');
  });

  await step('alice confirms reading and accepts', async () => {
    await alice.getByTestId('read-confirm').check();
    await alice.locator('[data-testid="accept"]:enabled').waitFor();
    await alice.getByTestId('accept').click();
    await alice.getByTestId('reply-input').waitFor();
    const st = await alice.getByTestId('detail-state').getAttribute('data-state');
    check(st === 'accepted' || st === 'active', `state after accept: ${st}`);
    await card.locator('.state').filter({ hasText: /yours/i }).waitFor();
    check(await card.getByTestId('card-waiting').count() === 0, 'the waiting timer still runs on a held conversation');
    await shot(alice, '3-accepted.png');
  });

  await step('alice replies to the customer', async () => {
    await alice.getByTestId('reply-input').fill(REPLY);
    await alice.getByTestId('reply-send').click();
    await alice.locator('[data-testid="history-entry"][data-role="human"]').filter({ hasText: REPLY }).waitFor();
    check((await alice.getByTestId('reply-input').inputValue()) === '', 'the reply box was not cleared');
  });

  await step('alice resolves with a code and sends her verdict', async () => {
    await alice.getByTestId('resolve-code').fill('order_located');
    await alice.getByTestId('resolve-note').fill('parcel was held at the depot');
    await alice.getByTestId('resolve').click();
    await alice.locator('[data-testid="detail-state"][data-state="resolved"]').waitFor();
    await alice.getByTestId('feedback-form').waitFor();
    await shot(alice, '4-resolved.png');
    const ticked = await alice.getByTestId('feedback-form').locator('input:checked').count();
    check(ticked === 0, `${ticked} feedback answers were ticked before alice chose any`);
    check(await alice.getByTestId('feedback-submit').isDisabled(), 'the verdict can be sent unanswered');
    await alice.getByTestId('feedback-needed-yes').check();
    await alice.getByTestId('feedback-correct_reason-yes').check();
    await alice.getByTestId('feedback-correct_queue-no').check();
    await alice.getByTestId('feedback-submit').click();
    await alice.getByTestId('feedback-thanks').waitFor();
  });

  await step('bob never saw the handoff and cannot open it', async () => {
    const seen = await bob.evaluate(() => [...window.__seen]);
    check(!seen.includes(id), "bob's page showed alice's handoff");
    check(await bob.locator(`[data-testid="card"][data-id="${id}"]`).count() === 0, "bob's list has the handoff");
    const { status } = await pageGet(bob, `/desk/api/handoffs/${id}`);
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
