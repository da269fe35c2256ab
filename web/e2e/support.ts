// What the end-to-end tests share: accounts, the demo's addresses, and the store's staff through the
// API (to set a product's stock exactly, as a stocktake would).
import AxeBuilder from '@axe-core/playwright';
import { expect, type APIRequestContext, type Page, type TestInfo } from '@playwright/test';

export const STAFF_PASSWORD = process.env.COMMERCE_STAFF_PASSWORD ?? 'staff-demo-password';

/** Each viewport shops at its own store, so the two runs side by side don't share stock. */
export function storeFor(info: TestInfo) {
  return info.project.name === 'phone'
    ? { id: 'berlin-kreuzberg', name: 'Berlin Kreuzberg', address: 'Oranienstraße 25, 10999 Berlin-Kreuzberg' }
    : { id: 'berlin-mitte', name: 'Berlin Mitte', address: 'Alexanderplatz 1, 10178 Berlin-Mitte' };
}

export function uniqueEmail(who: string, info: TestInfo) {
  return `${who}-${info.project.name}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.com`;
}

export async function signUp(page: Page, email: string) {
  await page.goto('/signup');
  await page.getByLabel('Name').fill('E2E Shopper');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill('correct horse battery');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('link', { name: 'Account' })).toBeVisible();
}

export async function chooseAddress(page: Page, address: string, storeName: string) {
  if (!(await page.getByRole('heading', { name: 'Where should we deliver?' }).isVisible())) {
    await page.getByRole('button', { name: 'Change the delivery address' }).click();
  }
  await page.getByRole('button', { name: address }).click();
  await expect(page.getByRole('button', { name: 'Change the delivery address' })).toContainText(storeName);
}

/** Signs in to the staff console as the store's staff. */
export async function signInToConsole(page: Page, storeId: string) {
  await page.goto('/staff');
  await page.getByLabel('Email').fill(`staff.${storeId}@commerce.local`);
  await page.getByLabel('Password').fill(STAFF_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** No serious or critical accessibility violation on the page as it is now. */
export async function expectAccessible(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(
    bad.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    `accessibility of ${what}`,
  ).toEqual([]);
}

/** Puts one product in the signed-in shopper's cart from its page, and checks out. */
export async function buyFromProductPage(page: Page, sku: string) {
  await page.goto(`/products/${sku}`);
  await page.getByRole('button', { name: /^Add to cart/ }).click();
  await page.getByRole('button', { name: /^Cart, 1 item$/ }).click();
  await page.getByRole('button', { name: /^Check out/ }).click();
  await expect(page).toHaveURL(/\/orders\//);
  return page.url().split('/orders/')[1];
}

export async function screenshot(page: Page, info: TestInfo, name: string) {
  await page.screenshot({ path: `target/e2e/screenshots/${info.project.name}-${name}.png` });
}

/** The store's staff, through the API. */
export async function staffApi(request: APIRequestContext, storeId: string) {
  const login = await request.post('/api/v1/auth/login', {
    data: { email: `staff.${storeId}@commerce.local`, password: STAFF_PASSWORD },
  });
  expect(login.ok()).toBeTruthy();
  const headers = { Authorization: `Bearer ${(await login.json()).accessToken}` };
  return {
    /** Moves the store's order on (PICKING, PACKED, OUT_FOR_DELIVERY, DELIVERED). */
    async move(orderId: string, status: string) {
      const moved = await request.post(`/api/v1/stores/${storeId}/orders/${orderId}/status`, {
        headers,
        data: { status },
      });
      expect(moved.ok(), await moved.text()).toBeTruthy();
    },
    /** Receives (or, negative, writes off) units. */
    async adjust(sku: string, delta: number) {
      const adjusted = await request.post(`/api/v1/stores/${storeId}/stock/${sku}/adjustments`, {
        headers,
        data: { delta, reason: delta > 0 ? 'DELIVERY' : 'DAMAGED' },
      });
      expect(adjusted.ok(), await adjusted.text()).toBeTruthy();
    },
    async available(sku: string): Promise<number> {
      const page = await (await request.get(`/api/v1/stores/${storeId}/stock?sku=${sku}`, { headers })).json();
      return page.items.find((item: { sku: string }) => item.sku === sku).available;
    },
    /** Counts the shelf so that exactly `available` units are available. */
    async makeAvailable(sku: string, available: number) {
      const page = await (await request.get(`/api/v1/stores/${storeId}/stock?sku=${sku}`, { headers })).json();
      const level = page.items.find((item: { sku: string }) => item.sku === sku);
      const counted = await request.put(`/api/v1/stores/${storeId}/stock/${sku}`, {
        headers,
        data: { onHand: level.reserved + available, expectedVersion: level.onHandVersion },
      });
      expect(counted.ok(), await counted.text()).toBeTruthy();
    },
  };
}
