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

/** One command sent by the page itself as its paired device (set-up the screens have no quick way to do); throws on a refusal. */
export const callAsPage = <T = any>(page: Page, command: string, input: unknown): Promise<T> =>
  page.evaluate(
    async ([command, input]) => {
      const token = localStorage.getItem('ruang-juri.deviceToken');
      const response = await fetch(`/api/${command}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ id: 'e2e', command, input }),
      });
      const reply = await response.json();
      if (!reply.ok) throw new Error(JSON.stringify(reply.error));
      return reply.output;
    },
    [command, input] as const,
  ) as Promise<T>;
