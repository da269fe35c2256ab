import { defineConfig } from '@playwright/test';

// End-to-end tests against a running demo (bin/e2e starts one with a fresh database). The browser is
// the system's Chromium (Debian's package), never a downloaded one.
const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'target/e2e/results',
  timeout: 120_000,
  expect: { timeout: 15_000 },
  workers: 2, // the phone and the desktop run side by side
  fullyParallel: false,
  retries: 0,
  reporter: [['list'], ['junit', { outputFile: 'target/surefire-reports/TEST-web-e2e.xml' }]],
  use: {
    baseURL: process.env.E2E_BASE_URL ?? 'http://localhost:8080',
    browserName: 'chromium',
    // Playwright starts each browser with a fresh temporary --user-data-dir of its own
    launchOptions: { executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_FLAGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'phone',
      testIgnore: /search-latency/,
      use: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true },
    },
    { name: 'desktop', testIgnore: /search-latency/, use: { viewport: { width: 1280, height: 800 } } },
    // measured alone, once the others are done
    { name: 'budget', testMatch: /search-latency/, dependencies: ['phone', 'desktop'] },
  ],
});
