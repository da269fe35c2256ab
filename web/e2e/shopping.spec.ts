import { expect, test } from '@playwright/test';
import {
  chooseAddress,
  expectAccessible,
  screenshot,
  signUp,
  staffApi,
  storeFor,
  uniqueEmail,
  signInToConsole,
} from './support';

test('a shopper finds, buys and pays, and follows the order live while the store picks and dispatches it', async ({
  page,
  browser,
}, info) => {
  const store = storeFor(info);
  await signUp(page, uniqueEmail('shopper', info));
  await page.goto('/');
  await page.getByRole('button', { name: 'Am Kanal 1, 14467 Potsdam' }).click();
  await expect(page.getByRole('alert')).toHaveText('None of our stores delivers there yet. Try another address.');
  await chooseAddress(page, store.address, store.name);
  // the store's promise for a typical basket, from its queue of paid orders
  await expect(page.getByRole('button', { name: 'Change the delivery address' })).toHaveText(/· \d+ min$/);
  await expectAccessible(page, 'the home page');

  // search with a typo: suggestions as you type, then results that forgive it
  const box = page.getByRole('combobox', { name: 'Search products' });
  await box.pressSequentially('mlik', { delay: 60 });
  await expect(page.getByRole('option').first()).toBeVisible();
  await box.press('Enter');
  await expect(page.getByText('these are close matches')).toBeVisible();
  await expect(page.locator('.product-card').first()).toBeVisible();

  // a facet: one category (its count is the new total), then only what the store has in stock
  const dairy = page.getByRole('group', { name: 'Category' }).getByRole('button', { name: /^Dairy & Eggs/ });
  const inDairy = Number(((await dairy.textContent()) ?? '').match(/\((\d+)\)/)?.[1]);
  await dairy.click();
  await expect(page).toHaveURL(/category=Dairy/);
  await expect(page.locator('#results-heading')).toHaveText(`${inDairy} products`);
  await page.getByLabel(`In stock at ${store.name}`).check();
  await expect(page).toHaveURL(/inStock=true/);
  const cards = page.locator('.product-card');
  await expect(page.locator('.product-grid')).toHaveAttribute('aria-busy', 'false'); // the filtered page
  await expect(cards.first()).toBeVisible();
  for (const card of await cards.all()) {
    await expect(card.locator('.stock')).toHaveText(/^(In stock|\d+ left)$/);
  }
  await expectAccessible(page, 'the search results');
  await screenshot(page, info, 'results');

  // two products into the cart (of those with more than a few units, as the voucher needs more)
  const stocked = cards.filter({ has: page.locator('.stock.in') });
  expect(await stocked.count(), 'two dairy products well in stock').toBeGreaterThanOrEqual(2);
  const staffCalls = await staffApi(page.request, store.id);
  for (const card of [stocked.nth(0), stocked.nth(1)]) {
    await staffCalls.makeAvailable((await card.getAttribute('data-sku'))!, 50); // enough for the voucher
    await card.getByRole('button', { name: /^Add to cart/ }).click();
    await expect(card.getByRole('button', { name: /in cart/ })).toBeVisible();
  }
  await page.getByRole('button', { name: /^Cart, 2 items$/ }).click();
  const cart = page.getByRole('dialog', { name: 'Your cart' });
  await expect(cart.locator('.cart-line')).toHaveCount(2);

  // the voucher says why it doesn't apply yet (a basket of 15.00 or more), then applies
  await cart.getByLabel('Voucher').fill('welcome10');
  await cart.getByRole('button', { name: 'Apply' }).click();
  await expect(cart.locator('.voucher .warning')).toBeVisible();
  const more = cart.getByRole('button', { name: /more$/ }).first();
  for (let i = 0; i < 20 && (await cart.locator('.voucher .warning').isVisible()); i++) {
    await more.click();
    await expect(more).toBeEnabled();
  }
  await expect(cart.getByText(/you save/)).toBeVisible();
  const breakdown = cart.getByLabel('Price breakdown');
  await expect(breakdown).toContainText('Discount');
  await expect(breakdown).toContainText('Includes VAT');
  await expectAccessible(page, 'the cart');
  await screenshot(page, info, 'cart');

  // check out and pay through the Stripe stand-in
  await cart.getByRole('button', { name: /^Check out/ }).click();
  await expect(page).toHaveURL(/\/orders\//);
  const orderId = page.url().split('/orders/')[1];
  const status = page.locator('.order-status');
  await expect(status).toHaveAttribute('data-status', 'PENDING_PAYMENT');
  await expect(page.locator('.promise')).toContainText(/Arriving by \d/); // fixed at checkout
  await page.getByRole('button', { name: 'Pay now' }).click();
  await expect(status).toHaveAttribute('data-status', 'PAID');
  await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));

  // the store's staff, in a second browser context, pick and dispatch it
  const staffContext = await browser.newContext({ viewport: page.viewportSize(), baseURL: info.project.use.baseURL });
  const staff = await staffContext.newPage();
  await signInToConsole(staff, store.id);
  const paidOrder = staff.locator(`.staff-order[data-order="${orderId}"]`);
  await expect(paidOrder).toBeVisible();
  await expectAccessible(staff, 'the staff orders');
  await screenshot(staff, info, 'staff-orders');
  await paidOrder.getByRole('button', { name: 'Start picking' }).click();
  await expect(status).toHaveAttribute('data-status', 'PICKING');
  await staff.getByRole('button', { name: 'Being picked' }).click();
  await staff.locator(`.staff-order[data-order="${orderId}"]`).getByRole('link', { name: 'Pick list' }).click();
  await expect(staff.getByRole('heading', { name: /^Pick order/ })).toBeVisible();
  await expectAccessible(staff, 'the pick list');
  await staff.getByRole('button', { name: /^Packed/ }).click();
  await expect(status).toHaveAttribute('data-status', 'PACKED');
  await staff.getByRole('link', { name: 'Deliveries' }).click();
  await staff
    .locator(`.batch[data-orders~="${orderId}"]`)
    .getByRole('button', { name: /^Take (it|these \d) out$/ })
    .click();

  // the shopper's page follows, live, without reloading
  await expect(status).toHaveAttribute('data-status', 'OUT_FOR_DELIVERY');
  await expect(status).toHaveText('Out for delivery');
  expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  await expectAccessible(page, 'the order page');
  await screenshot(page, info, 'order-tracking');
  await staffContext.close();
});

test('two shoppers race for the last unit: one gets it, the other is told and offered a way out', async ({
  browser,
  request,
}, info) => {
  const store = storeFor(info);
  const sku = info.project.name === 'phone' ? 'BAK-00002' : 'BAK-00007';
  await (await staffApi(request, store.id)).makeAvailable(sku, 1);
  const shoppers = await Promise.all(
    ['first', 'second'].map(async (who) => {
      const context = await browser.newContext({
        viewport: info.project.use.viewport,
        baseURL: info.project.use.baseURL,
      });
      const page = await context.newPage();
      await signUp(page, uniqueEmail(who, info));
      await page.goto('/');
      await chooseAddress(page, store.address, store.name);
      await page.goto(`/products/${sku}`);
      await expect(page.locator('.stock')).toHaveText('1 left');
      await page.getByRole('button', { name: /^Add to cart/ }).click();
      await page.getByRole('button', { name: /^Cart, 1 item$/ }).click();
      return { context, page };
    }),
  );
  await Promise.all(shoppers.map(({ page }) => page.getByRole('button', { name: /^Check out/ }).click()));

  const outcomes = await Promise.all(
    shoppers.map(async ({ page }) => {
      const short = page.getByText('Some items just ran low');
      await expect(page.locator('.order-status').or(short)).toBeVisible();
      return (await short.isVisible()) ? 'short' : 'ordered';
    }),
  );
  expect([...outcomes].sort()).toEqual(['ordered', 'short']);
  const loser = shoppers[outcomes.indexOf('short')].page;
  await expect(loser.getByRole('alert')).toContainText('sold out');
  await loser.getByRole('button', { name: 'Remove it' }).click();
  await expect(loser.getByText('Your cart is empty')).toBeVisible();
  await Promise.all(shoppers.map(({ context }) => context.close()));
});
