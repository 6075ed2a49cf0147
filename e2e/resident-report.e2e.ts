import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, horizontalOverflow, openBrowser, screenshot, type Session, signIn, switchLanguage } from './browser.ts';
import { wangjuanReportsLighting } from './residentNeeds.ts';

describe('resident 王娟 reports a need on her phone', () => {
  let s: Session;
  let earlier = '';

  beforeAll(async () => {
    // An earlier report of her household that the form should point to when she writes the same thing.
    earlier = (await wangjuanReportsLighting('三单元楼道的灯坏了，晚上很黑')).refNo;
    s = await openBrowser({ width: 390, height: 844 }, { isMobile: true });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('sees the same problem already reported before sending, in Chinese and English, and sends hers', async () => {
    const { page } = s;
    await signIn(page, 'wangjuan');
    await page.goto(`${BASE_URL}/my-needs/new`);
    await page.getByTestId('report-need-category').selectOption({ label: '楼道照明' });
    await page.getByTestId('report-need-description').fill('三单元楼道灯坏了好几天');
    const duplicates = page.getByTestId('possible-duplicates');
    await duplicates.getByText(earlier).waitFor();
    await duplicates.getByText('可能已有人反映过同样的问题').waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'resident-report-duplicates-zh');
    await switchLanguage(page, 'en');
    await duplicates.getByText('This may have been reported already').waitFor();
    await screenshot(page, 'resident-report-duplicates-en');
    await switchLanguage(page, 'zh');
    await page.getByTestId('report-need-submit').click();
    const ref = page.getByTestId('report-need-ref');
    await ref.waitFor();
    const text = (await ref.textContent()) ?? '';
    expect(text).toMatch(/N-\d{4}-\d{6}/);
    expect(text).not.toContain(earlier);
  });
});
