/** Fills the quick "new competition" form (one category) and lands on the session page. */
import { expect, type Page } from '@playwright/test';

export interface QuickCompetition {
  name: string;
  category: string;
  criteria: readonly { name: string; weight: string }[];
  /** The first juror is the chair. */
  jurors: readonly string[];
  entries: readonly { code: string; title: string; unit: string }[];
}

export async function quickCreateCompetition(page: Page, origin: string, c: QuickCompetition): Promise<number> {
  await page.goto(`${origin}/#/competitions/new`);
  await page.getByTestId('competition-name').fill(c.name);
  await page.getByTestId('category-name-0').fill(c.category);
  for (const [i, criterion] of c.criteria.entries()) {
    if (i > 0) await page.getByTestId('add-criterion').click();
    await page.getByTestId(`criterion-name-${i}`).fill(criterion.name);
    await page.getByTestId(`criterion-weight-${i}`).fill(criterion.weight);
  }
  for (const [i, name] of c.jurors.entries()) {
    if (i > 0) await page.getByTestId('add-juror').click();
    await page.getByTestId(`juror-name-${i}`).fill(name);
  }
  await page.getByTestId('juror-role-0').selectOption('chair');
  for (const [i, entry] of c.entries.entries()) {
    if (i > 0) await page.getByTestId('add-entry').click();
    await page.getByTestId(`entry-code-${i}`).fill(entry.code);
    await page.getByTestId(`entry-title-${i}`).fill(entry.title);
    await page.getByTestId(`entry-unit-${i}`).fill(entry.unit);
    await page.getByTestId(`entry-category-${i}`).selectOption(c.category);
  }
  await page.getByTestId('save-competition').click();
  // Saving goes on to the full setup screens; the session page is one click away.
  await expect(page).toHaveURL(/#\/competitions\/\d+\/setup\/details$/);
  await page.getByTestId('setup-session-link').click();
  await expect(page).toHaveURL(/#\/competitions\/(\d+)$/);
  return Number(/#\/competitions\/(\d+)$/.exec(page.url())![1]);
}
