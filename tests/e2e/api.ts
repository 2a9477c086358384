/** Driving the server's HTTP API from an e2e spec: set-up and checks that need no screen. */
import { expect, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';

/** POST /api/<command> with the device token (null: anonymous); fails the test on a refusal. */
export async function callApi(page: Page, origin: string, token: string | null, command: string, input: unknown) {
  const response = await page.request.post(`${origin}/api/${command}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    data: { id: 't', command, input, locale: 'id' },
  });
  const reply = await response.json();
  expect(reply.ok, `${command}: ${JSON.stringify(reply)}`).toBe(true);
  return reply.output;
}

/** A page in its own browser context that is already paired as the device holding `token`. */
export async function pagePairedAs(browser: Browser, token: string, options: BrowserContextOptions): Promise<Page> {
  const context = await browser.newContext(options);
  await context.addInitScript((t) => localStorage.setItem('ruang-juri.deviceToken', t), token);
  return context.newPage();
}
