import { expect, test } from '@playwright/test';
import {
  buyFromProductPage,
  chooseAddress,
  expectAccessible,
  screenshot,
  signUp,
  staffApi,
  storeFor,
  uniqueEmail,
  signInToConsole,
} from './support';

test('a shopper cancels an unpaid order, reviews a delivered product, and finds both orders after signing in again', async ({
  page,
}, info) => {
  const store = storeFor(info);
  const sku = info.project.name === 'phone' ? 'FRU-00001' : 'FRU-00002';
  const staff = await staffApi(page.request, store.id);
  await staff.makeAvailable(sku, 20);
  const email = uniqueEmail('regular', info);
  await signUp(page, email);
  await page.goto('/');
  await chooseAddress(page, store.address, store.name);

  // an order not paid yet can be cancelled: its units go back to the shelf at once
  const cancelled = await buyFromProductPage(page, sku);
  await expect(page.locator('.order-status')).toHaveAttribute('data-status', 'PENDING_PAYMENT');
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Cancel order' }).click();
  await expect(page.locator('.order-status')).toHaveAttribute('data-status', 'CANCELLED');
  await expect(page.getByRole('button', { name: 'Cancel order' })).toHaveCount(0);
  expect(await staff.available(sku)).toBe(20);

  // a paid order, delivered by the store: its product can be reviewed
  const delivered = await buyFromProductPage(page, sku);
  // a declined card: said in words, the order still payable; then a card that works
  await page.getByLabel('Test card that is declined').check();
  await page.getByRole('button', { name: 'Pay now' }).click();
  await expect(page.getByRole('alert')).toHaveText('Your card was declined. Try another card.');
  await expect(page.locator('.order-status')).toHaveAttribute('data-status', 'PENDING_PAYMENT');
  await page.getByLabel('Visa test card (succeeds)').check();
  await page.getByRole('button', { name: 'Pay now' }).click();
  await expect(page.locator('.order-status')).toHaveAttribute('data-status', 'PAID');
  for (const status of ['PICKING', 'PACKED', 'OUT_FOR_DELIVERY', 'DELIVERED']) {
    await staff.move(delivered, status);
  }
  await expect(page.locator('.order-status')).toHaveAttribute('data-status', 'DELIVERED');
  await page.getByRole('button', { name: 'Write a review' }).click();
  await page.getByLabel('Stars').selectOption('4');
  await page.getByLabel('Title').fill('Sweet and ripe');
  await page.getByLabel('Your review').fill('Arrived in nine minutes, perfectly ripe.');
  await page.getByRole('button', { name: 'Post review' }).click();
  await expect(page.getByText(/Thank you for reviewing/)).toBeVisible();
  await page.goto(`/products/${sku}`);
  await expect(page.locator('.review').filter({ hasText: 'Sweet and ripe' })).toBeVisible();
  await expectAccessible(page, 'the product page');

  // signed out and in again: the order history has both, with their states
  await page.goto('/account');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.goto('/signin?next=/account');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('heading', { name: 'Your orders' })).toBeVisible();
  const history = page.locator('.order-list li');
  await expect(history).toHaveCount(2);
  await expect(page.locator(`.order-list a[href="/orders/${cancelled}"]`).locator('..')).toContainText('Cancelled');
  await expect(page.locator(`.order-list a[href="/orders/${delivered}"]`).locator('..')).toContainText('Delivered');
  await expectAccessible(page, 'the account page');
});

test('store staff receive and write off stock, and a count of stock that moved meanwhile is refused in words', async ({
  page,
}, info) => {
  const store = storeFor(info);
  const sku = info.project.name === 'phone' ? 'HOU-00009' : 'HOU-00019';
  const api = await staffApi(page.request, store.id);
  await api.makeAvailable(sku, 10);
  await signInToConsole(page, store.id);
  await page.getByRole('link', { name: 'Stock' }).click();
  await page.getByLabel('Find by SKU').fill(sku);
  const row = page.locator(`tr[data-sku="${sku}"]`);
  await expect(row).toBeVisible();
  await expect(page.locator('.stock-table tbody tr')).toHaveCount(1);

  await row.getByRole('button', { name: 'Receive / write off' }).click();
  await row.getByLabel('Units').fill('5');
  await row.getByRole('button', { name: 'Add' }).click();
  await expect.poll(() => api.available(sku)).toBe(15);
  await expect(row.locator('td').nth(2)).toHaveText('15');

  await row.getByRole('button', { name: 'Receive / write off' }).click();
  await row.getByLabel('Reason').selectOption('DAMAGED');
  await row.getByLabel('Units').fill('2');
  await row.getByRole('button', { name: 'Write off' }).click();
  await expect(row.locator('td').nth(2)).toHaveText('13');
  await expectAccessible(page, 'the staff stock list');
  await screenshot(page, info, 'staff-stock');

  // a count against what was read, while a delivery was booked elsewhere: refused, nothing changed
  await row.getByRole('button', { name: 'Count' }).click();
  await api.adjust(sku, 1);
  // the list reads the stock again meanwhile (it went stale and the tab came back into view): the
  // count is still of what was read when counting began
  await page.waitForTimeout(5500);
  await page.evaluate(() => window.dispatchEvent(new Event('visibilitychange')));
  await expect(row.locator('td').nth(2)).toHaveText('14');
  await row.getByLabel('Counted on the shelf').fill('3');
  await row.getByRole('button', { name: 'Save count' }).click();
  await expect(row.getByRole('alert')).toHaveText(/The stock changed since you read it/);
  expect(await api.available(sku)).toBe(14);
});

test('a busy grid is retried and the page fills in; one that stays busy says so and offers to try again', async ({
  page,
}) => {
  let refusals = 2;
  await page.route('**/api/v1/products?*', async (route) => {
    if (refusals-- > 0) {
      await route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        headers: { 'Retry-After': '1' },
        body: JSON.stringify({ type: 'urn:commerce:problem:grid-unavailable', title: 'Grid unavailable', status: 503 }),
      });
    } else {
      await route.continue();
    }
  });
  await page.goto('/search?q=milk');
  await expect(page.locator('.product-card').first()).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(refusals).toBeLessThan(0);

  refusals = 100;
  await page.goto('/search?q=bananas');
  await expect(page.getByRole('alert')).toContainText('The shop is busy right now', { timeout: 30_000 });
  await expect(page.locator('h1')).toHaveText('Results for “bananas”');
  refusals = 0;
  await page.getByRole('button', { name: 'Try again now' }).click();
  await expect(page.locator('.product-card').first()).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a shopper who mistypes their password five times is told in words to wait, and even the right one waits', async ({
  page,
}, info) => {
  const email = uniqueEmail('mistyped', info);
  await signUp(page, email);
  await page.goto('/account');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.goto('/signin?next=/account');
  await page.getByLabel('Email').fill(email);
  const signIn = async (password: string) => {
    await page.getByLabel('Password').fill(password);
    const answered = page.waitForResponse((r) => r.url().endsWith('/api/v1/auth/login'));
    await page.getByRole('button', { name: 'Sign in' }).click();
    return (await answered).status();
  };

  for (let attempt = 1; attempt <= 5; attempt++) {
    expect(await signIn(`not my password ${attempt}`)).toBe(401);
    await expect(page.getByRole('alert')).toHaveText('That email and password don’t match an account.');
  }
  // the server's limit on failed sign-ins per account (five in 15 minutes), not the browser's
  expect(await signIn('correct horse battery')).toBe(429);
  await expect(page.getByRole('alert')).toHaveText(
    /^Too many failed sign-ins for this account\. Please wait about \d+ (minutes|seconds) and try again\.$/,
  );
  // still on the sign-in form, not signed in
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(new URL(page.url()).pathname).toBe('/signin');
  await expectAccessible(page, 'the sign-in page with its wait');
});
