// An offer alice lets run out moves to bob live, and the server sets alice Away on her
// page; bob declines with a reason; alice comes back Online. Routing (set up by
// crates/cli/tests/e2e/desk.rs): alice for 2 s, then bob for 60 s, then the failsafe queue.
// Same environment as desk.mjs; prints `{"handoff_id"}` on success.
import { askForHuman, check, env, fail, launch, login, pageGet, shot, step } from './lib.mjs';

const REASON = 'Not my area: this is a delivery question for the logistics team.';

async function main() {
  const errors = [];
  const browser = await launch();
  const alice = await step('alice logs in', () => login(browser, 'alice', env('ALICE_PASSWORD'), errors));
  const bob = await step('bob logs in', () => login(browser, 'bob', env('BOB_PASSWORD'), errors));
  const { id } = await step('the customer asks for a human; alice gets the offer live', () => askForHuman(alice));
  const onAlice = alice.locator(`[data-testid="card"][data-id="${id}"]`);
  const onBob = bob.locator(`[data-testid="card"][data-id="${id}"]`);

  await step('alice lets the offer run out: it moves to bob and she is set Away', async () => {
    check(await onAlice.getByTestId('card-countdown').count() === 1, 'no countdown on alice\'s offer');
    await onBob.getByTestId('card-countdown').waitFor({ timeout: 10000 });
    await alice.locator('[data-testid="presence-select"][data-value="away"]').waitFor({ timeout: 5000 });
    check(await alice.getByTestId('presence-select').inputValue() === 'away', 'the selector does not show Away');
    const toast = alice.getByTestId('toast');
    await toast.waitFor();
    check(/away/i.test(await toast.innerText()), `the toast does not explain: ${await toast.innerText()}`);
    await onAlice.waitFor({ state: 'detached', timeout: 5000 });
    await shot(alice, '5-away.png');
    await shot(bob, '6-offer-moved.png');
  });

  await step('bob must give a reason to decline, then declines', async () => {
    await onBob.locator('button').click();
    await bob.locator(`article.detail[data-id="${id}"]`).waitFor();
    await bob.getByTestId('reject').click();
    await bob.getByTestId('toast').filter({ hasText: /why/i }).waitFor();
    check(await bob.locator(`article.detail[data-id="${id}"]`).count() === 1, 'declined without a reason');
    await bob.getByTestId('reject-reason').fill(REASON);
    await bob.getByTestId('reject').click();
    await bob.locator('article.detail').waitFor({ state: 'detached' });
    await onBob.waitFor({ state: 'detached', timeout: 5000 });
  });

  await step('alice comes back Online from the selector', async () => {
    await alice.getByTestId('presence-select').selectOption('online');
    const until = Date.now() + 5000;
    let me;
    do {
      me = await pageGet(alice, '/desk/api/me');
      if (me.body?.user?.presence === 'online') break;
      await new Promise((r) => setTimeout(r, 100));
    } while (Date.now() < until);
    check(me.body?.user?.presence === 'online', `presence after choosing Online: ${JSON.stringify(me.body)}`);
  });

  await step('no script errors on either page', async () => {
    check(errors.length === 0, errors.join('\n'));
  });
  await browser.close();
  console.log(JSON.stringify({ handoff_id: id, reason: REASON }));
}

main().catch((e) => fail(e.stack || String(e)));
