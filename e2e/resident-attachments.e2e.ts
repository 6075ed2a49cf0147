import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BASE_URL, horizontalOverflow, openBrowser, screenshot, type Session, signIn, switchLanguage } from './browser.ts';
import { wangjuanReportsLighting } from './residentNeeds.ts';
import { axe } from './steps.ts';

const PHOTO = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'photo.png');

describe('resident 王娟 adds a photo to her open request on her phone', () => {
  let s: Session;
  let needId = '';

  beforeAll(async () => {
    needId = (await wangjuanReportsLighting('二单元门口的路灯不亮')).id;
    s = await openBrowser({ width: 390, height: 844 }, { isMobile: true });
  });
  afterAll(async () => {
    await s?.close();
  });

  it('picks the photo with the upload button\'s file input, sees it listed with a thumbnail that opens it, in Chinese and English', async () => {
    const { page } = s;
    await signIn(page, 'wangjuan');
    await page.goto(`${BASE_URL}/my-needs/${needId}`);
    const list = page.getByTestId('attachments');
    await list.getByText('暂无附件', { exact: false }).waitFor();
    await page.getByTestId('attachment-upload-input').setInputFiles(PHOTO);
    const row = list.getByTestId('attachment');
    await row.getByRole('link', { name: 'photo.png' }).waitFor();
    expect(await row.count()).toBe(1);
    // The thumbnail and the name open the same file; the thumbnail is not a second stop for a screen reader.
    const href = await row.getByRole('link', { name: 'photo.png' }).getAttribute('href');
    expect(await row.locator('img').evaluate((img) => (img.parentElement as HTMLAnchorElement).getAttribute('href'))).toBe(href);
    expect((await page.request.get(`${BASE_URL}${href}`)).status()).toBe(200);
    await axe(page, '[data-testid="attachments"]');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await screenshot(page, 'resident-attachment-zh');
    await switchLanguage(page, 'en');
    await page.getByTestId('attachment-upload').getByText('Upload', { exact: false }).waitFor();
    await axe(page, '[data-testid="attachments"]');
    await screenshot(page, 'resident-attachment-en');
    await switchLanguage(page, 'zh');
  });
});
