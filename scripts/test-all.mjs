#!/usr/bin/env node
/**
 * `npm test`: builds the app, runs typecheck and lint, then every test suite (vitest: shared, core,
 * renderer; Playwright: end to end in server mode and the Electron suite), and ends with one line
 * `N passed, N failed, N skipped` summing every suite. Exit code 1 if anything failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const outDir = join(root, '.test-output');
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const bin = (name) => join(root, 'node_modules', '.bin', name);

const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

function run(label, command, args, env = {}) {
  console.log(`\n── ${label} ──`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

/** A step that is a check rather than a suite counts as one test. */
function check(label, command, args) {
  if (run(label, command, args)) totals.passed += 1;
  else {
    totals.failed += 1;
    problems.push(label);
  }
}

function readReport(path, label) {
  if (!existsSync(path)) {
    totals.failed += 1;
    problems.push(`${label}: no report written`);
    return null;
  }
  return JSON.parse(readFileSync(path, 'utf8'));
}

check('build (electron-vite: main, preload, renderer)', bin('electron-vite'), ['build']);
check('typecheck (vue-tsc)', bin('vue-tsc'), ['--noEmit', '-p', 'tsconfig.json']);
check('lint (eslint)', bin('eslint'), ['.']);

const vitestReport = join(outDir, 'vitest.json');
run('unit and renderer tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${vitestReport}`]);
const vitest = readReport(vitestReport, 'vitest');
if (vitest) {
  totals.passed += vitest.numPassedTests;
  totals.failed += vitest.numFailedTests + (vitest.numFailedTestSuites && !vitest.numFailedTests ? vitest.numFailedTestSuites : 0);
  totals.skipped += vitest.numPendingTests + vitest.numTodoTests;
  if (!vitest.success) problems.push('vitest');
}

const playwrightReport = join(outDir, 'playwright.json');
run('end-to-end and Electron tests (Playwright)', bin('playwright'), ['test', '--reporter=list,json'], {
  PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
});
const playwright = readReport(playwrightReport, 'playwright');
if (playwright) {
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = playwright.stats ?? {};
  totals.passed += expected + flaky;
  totals.failed += unexpected + (playwright.errors?.length ?? 0);
  totals.skipped += skipped;
  if (unexpected || playwright.errors?.length) problems.push('playwright');
}

if (problems.length) console.log(`\nFailed: ${problems.join(', ')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(totals.failed ? 1 : 0);
