/**
 * Checks, before anything is timed, that the formboard page keeps what people need while the browser
 * skips the sections far from the viewport (`content-visibility: auto` in the renderer's stylesheet):
 * at the largest size, a field near the end is not drawn after mounting (so the checks below are
 * about skipped content), and then find-in-page (`window.find`, Chromium's find machinery) reaches
 * it, a link to its `#id` scrolls to it, submitting with it invalid focuses it and scrolls it into
 * view, the error summary's link does the same, and print media draws every section.
 */
import type { Browser, Page } from 'playwright-core';
import { fieldKey } from '../model.ts';

/** How a field looks from the page: drawn (not skipped), and inside the viewport. */
interface Seen {
  readonly drawn: boolean;
  readonly inView: boolean;
  readonly focused: boolean;
}

function seen(page: Page, id: string): Promise<Seen> {
  return page.evaluate(async (id) => {
    // Two frames: the browser decides what to draw, then draws it.
    for (let i = 0; i < 2; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
    const field = document.getElementById(id);
    if (!field) throw new Error(`no #${id}`);
    const rect = field.getBoundingClientRect();
    return {
      drawn: field.checkVisibility({ contentVisibilityAuto: true }),
      inView: rect.top >= 0 && rect.bottom <= window.innerHeight,
      focused: document.activeElement === field,
    };
  }, id);
}

/** Back to the top with nothing focused or selected, so the field is skipped again. */
async function toTop(page: Page, id: string): Promise<boolean> {
  await page.evaluate(() => {
    (document.activeElement as HTMLElement | null)?.blur();
    window.getSelection()?.removeAllRanges();
    history.replaceState(null, '', location.pathname);
    window.scrollTo(0, 0);
  });
  return !(await seen(page, id)).drawn;
}

/** The problems found on the formboard page at `size` fields (none when all is well). */
export async function checkBehaviour(browser: Browser, origin: string, size: number): Promise<string[]> {
  const problems: string[] = [];
  const expect = (ok: boolean, what: string) => {
    if (!ok) problems.push(`formboard at ${size} fields: ${what}`);
  };
  const page = await browser.newPage();
  try {
    await page.goto(`${origin}/formboard.html`);
    await page.waitForFunction(() => window.bench !== undefined);
    await page.evaluate((size) => window.bench?.mount({ size, data: 'valid' }), size);
    // A required text field in the last tenth of the form.
    const index = Math.floor((size * 0.9) / 10) * 10;
    const key = fieldKey(index);
    const id = await page.evaluate((key) => document.querySelector(`[id$="-f-${key}"]`)?.id ?? '', key);
    if (!id) return [`formboard at ${size} fields: no control for ${key}`];
    expect(!(await seen(page, id)).drawn, `${key} is drawn right after mounting (sections are not skipped)`);

    const found = await page.evaluate(
      ({ id, label }) => {
        const find = (window as Window & { find?: (text: string) => boolean }).find;
        if (find?.(label) !== true) return false;
        const selected = window.getSelection()?.anchorNode?.parentElement?.closest('label');
        return selected?.htmlFor === id;
      },
      { id, label: `Field ${index + 1}` },
    );
    const afterFind = await seen(page, id);
    expect(found && afterFind.drawn && afterFind.inView, `find-in-page does not reach ${key}'s label`);

    expect(await toTop(page, id), `${key} is still drawn back at the top`);
    await page.evaluate((id) => {
      location.hash = `#${id}`;
    }, id);
    const afterHash = await seen(page, id);
    expect(afterHash.drawn && afterHash.inView, `a link to #${id} does not show it`);

    await page.fill(`#${id}`, '');
    expect(await toTop(page, id), `${key} is still drawn back at the top`);
    const submitted = await page.evaluate(() => window.bench?.submit());
    const afterSubmit = await seen(page, id);
    expect(
      submitted?.ok === false && submitted.errors === 1,
      `submit with ${key} empty: ${JSON.stringify(submitted)}`,
    );
    expect(
      afterSubmit.focused && afterSubmit.drawn && afterSubmit.inView,
      `submit does not focus and show ${key}`,
    );

    expect(await toTop(page, id), `${key} is still drawn back at the top`);
    await page.click(`a[href="#${id}"]`);
    const afterLink = await seen(page, id);
    expect(
      afterLink.focused && afterLink.drawn && afterLink.inView,
      `the error summary's link does not focus and show ${key}`,
    );

    expect(await toTop(page, id), `${key} is still drawn back at the top`);
    await page.emulateMedia({ media: 'print' });
    expect((await seen(page, id)).drawn, `print media leaves ${key}'s section undrawn`);
  } finally {
    await page.close();
  }
  return problems;
}
