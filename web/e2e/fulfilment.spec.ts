import { expect, test, type Page } from '@playwright/test';
import {
  STAFF_PASSWORD,
  chooseAddress,
  expectAccessible,
  screenshot,
  signInToConsole,
  signUp,
  staffApi,
  storeFor,
  uniqueEmail,
} from './support';

async function signInAsRider(page: Page, storeId: string) {
  await page.goto('/staff');
  await page.getByLabel('Email').fill(`rider.${storeId}@commerce.local`);
  await page.getByLabel('Password').fill(STAFF_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a line short at picking is replaced by the best match, and the shopper sees it live; a rider delivers', async ({
  page,
  browser,
}, info) => {
  const store = storeFor(info);
  const sku = info.project.name === 'phone' ? 'DAI-00011' : 'DAI-00021';
  await (await staffApi(page.request, store.id)).makeAvailable(sku, 5);
  await signUp(page, uniqueEmail('substituted', info));
  await page.goto('/');
  await chooseAddress(page, store.address, store.name);
  await page.goto(`/products/${sku}`);
  await page.getByRole('button', { name: /^Add to cart/ }).click();
  await page.getByRole('button', { name: /^Cart, 1 item$/ }).click();
  const cart = page.getByRole('dialog', { name: 'Your cart' });
  await cart.getByRole('button', { name: /more$/ }).click();
  await expect(cart.locator(`.cart-line[data-sku="${sku}"] output`)).toHaveText('2');
  await expect(cart.getByLabel('If it’s out:')).toHaveValue('BEST_MATCH');
  await cart.getByRole('button', { name: /^Check out/ }).click();
  await expect(page).toHaveURL(/\/orders\//);
  const orderId = page.url().split('/orders/')[1];
  const status = page.locator('.order-status');
  await page.getByRole('button', { name: 'Pay now' }).click();
  await expect(status).toHaveAttribute('data-status', 'PAID');

  // the picker, on a phone-sized console, finds only one of the two units
  const staffContext = await browser.newContext({
    viewport: { width: 390, height: 844 },
    baseURL: info.project.use.baseURL,
  });
  const staff = await staffContext.newPage();
  await signInToConsole(staff, store.id);
  const order = staff.locator(`.staff-order[data-order="${orderId}"]`);
  await order.getByRole('button', { name: 'Start picking' }).click();
  await expect(status).toHaveAttribute('data-status', 'PICKING');
  await staff.goto(`/staff/pick/${orderId}`);
  const line = staff.locator(`.pick-item[data-sku="${sku}"]`);
  await expect(line.locator('.location')).toHaveText(/^[A-Z]-\d-\d$/);
  await expect(line).toContainText('If short: the best match');
  // a wrong product scanned is refused in words, and nothing is picked
  await line.getByLabel(/^Scan /).fill('wrong-1');
  await line.getByRole('button', { name: /^Picked / }).click();
  await expect(line.getByRole('alert')).toContainText(`is ${sku}, not WRONG-1`);
  await expect(line.locator('.picked')).toHaveCount(0);
  await line.getByRole('button', { name: 'Short' }).click();
  await line.getByLabel(/^Units found of/).fill('1');
  await line.getByRole('button', { name: 'Report short' }).click();
  await expect(line.locator('.picked')).toContainText('1 found; replaced by 1 ×');
  await expectAccessible(staff, 'the pick list');
  await screenshot(staff, info, 'pick-list');

  // the shopper's page shows the substitution without a reload
  const substituted = page.locator(`.substituted[data-sku="${sku}"]`);
  await expect(substituted).toContainText('1 of 2 found; replaced by 1 ×');
  await expect(page.locator('.timeline')).toContainText('line short');

  await staff.getByRole('button', { name: /^Packed/ }).click();
  await expect(status).toHaveAttribute('data-status', 'PACKED');

  // a rider, on a phone of their own, takes it out and hands it over
  const riderContext = await browser.newContext({
    viewport: { width: 390, height: 844 },
    baseURL: info.project.use.baseURL,
  });
  const rider = await riderContext.newPage();
  await signInAsRider(rider, store.id);
  await expect(rider.getByRole('heading', { name: /^Deliveries from/ })).toBeVisible();
  await rider.locator(`.batch[data-orders~="${orderId}"]`).getByRole('button', { name: /^Take/ }).click();
  await expect(status).toHaveAttribute('data-status', 'OUT_FOR_DELIVERY');
  await expect(page.locator('.rider')).toContainText('On its way with Rider');
  await expectAccessible(rider, 'the rider screen');
  await screenshot(rider, info, 'rider');
  await rider.locator(`.staff-order[data-order="${orderId}"]`).getByRole('button', { name: 'Delivered' }).click();
  await expect(status).toHaveAttribute('data-status', 'DELIVERED');
  await Promise.all([staffContext.close(), riderContext.close()]);
});
