import { AxeBuilder } from '@axe-core/playwright';
import { expect } from 'chai';
import type { Locator, Page } from 'playwright-core';

/**
 * Helpers for moving at a person's pace and checking what a person meets. None of them retries: where a
 * person would be stuck, the test fails.
 */

/** Time to read, think or look away. */
export function pause(page: Page, ms: number): Promise<void> {
  return page.waitForTimeout(ms);
}

/** Types like a person (about 5 characters a second), not a paste. */
export async function typeSlowly(box: Locator, text: string, delayMs = 200): Promise<void> {
  await box.click();
  await box.pressSequentially(text, { delay: delayMs });
}

/**
 * Counts Adaptive Cards added to the page from now on: a transcript that rebuilds its cards clears what a
 * person ticked, so while a person sits reading, this must stay 0.
 */
export async function watchCardRebuilds(page: Page): Promise<() => Promise<number>> {
  await page.evaluate(() => {
    // Distinct card elements: Web Chat mounts a card's element after its activity, which is one card, not two.
    const w = window as unknown as { __cards: Set<Element> };
    w.__cards = new Set();
    new MutationObserver((records) => {
      for (const r of records) {
        for (const n of Array.from(r.addedNodes)) {
          if (!(n instanceof HTMLElement)) continue;
          if (n.matches('.ac-adaptiveCard')) w.__cards.add(n);
          n.querySelectorAll('.ac-adaptiveCard').forEach((c) => w.__cards.add(c));
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  return () => page.evaluate(() => (window as unknown as { __cards: Set<Element> }).__cards.size);
}

/** axe-core with the WCAG 2.x A/AA rules: no serious or critical violation in what `selector` covers. */
export async function expectAccessible(page: Page, what: string, selector?: string): Promise<void> {
  let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']);
  if (selector) builder = builder.include(selector);
  const result = await builder.analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help} — ${v.nodes.length} × ${v.nodes[0]?.target.join(' ')}: ${v.nodes[0]?.failureSummary ?? ''}`,
    );
  expect(bad, `${what}: accessibility`).to.deep.equal([]);
}

/** The vertical scroll position of Web Chat's transcript. */
export function transcriptScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelector('.webchat__basic-transcript__scrollable')?.scrollTop ?? -1);
}

/** Whether an element's top edge is on screen. */
export async function topIsVisible(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const height = page.viewportSize()?.height ?? 0;
  return Boolean(box && box.y >= 0 && box.y < height - 40);
}
