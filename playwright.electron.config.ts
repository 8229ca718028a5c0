// The Electron end-to-end suite (tests/electron): the desktop app itself, launched with Playwright's _electron. It
// runs where the Electron binary and its SQLite addon are present (tests/electron/availability.mjs); tests/run.mjs
// runs it then, and otherwise reports it as not run. Build first (`node build.mjs`): Electron loads dist/.
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/electron',
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  timeout: 300_000,
  expect: { timeout: 20_000 },
  outputDir: 'test-results/electron-artifacts',
  reporter: [['list'], ['json', { outputFile: 'test-results/electron-e2e.json' }]],
});
