import { describe, expect, it } from 'vitest';
import { apiAs, screenshot, signedInPages } from './browser.ts';
import { axe, choose } from './steps.ts';

/**
 * Story 2: the street officer groups the meal needs of J社区 and 桥北社区 (37 + 22 households),
 * drafts 幸福食堂 for ¥180,000, the district approves it, and a reporter of one of those needs
 * reads on her phone that her need is now part of the project.
 */
const as = signedInPages();

describe('from needs to a project', () => {
  it('groups two communities\' meal needs, drafts 幸福食堂, has it approved, and its reporters see it', { timeout: 300_000 }, async () => {
    const street = await as('tsjd', false);
    await street.goto(`${new URL(street.url()).origin}/three-lists`);
    await street.getByTestId('street-group-create').click();
    await choose(street, street.getByTestId('street-group-category'), '助餐');
    await street.getByTestId('street-group-title').fill('老年助餐');
    const suggestions = street.getByTestId('street-group-suggestions');
    // Each community's suggestions are a request of their own: all answered before typing.
    await street.locator('[data-testid="street-group-suggestions"][data-loading="false"]').waitFor({ timeout: 60_000 });
    await suggestions.click();
    for (const [i, community] of ['J社区', '桥北社区'].entries()) {
      await suggestions.locator('input').fill(community);
      const options = street.locator('.ant-select-dropdown:visible .ant-select-item-option');
      // A miss says what was offered, and what the form said.
      await options.filter({ hasText: `${community} · 助餐` }).first().waitFor({ timeout: 45_000 }).catch(async (e: Error) => {
        await screenshot(street, 'projects-street-group-missing-suggestion');
        const alerts = await street.getByRole('alert').allTextContents();
        throw new Error(`${e.message}\noffered: ${(await options.allTextContents()).join(' | ')}\nalerts: ${alerts.join(' | ')}`);
      });
      await street.keyboard.press('Enter');
      await suggestions.locator('.ant-select-selection-item').nth(i).waitFor();
    }
    await street.keyboard.press('Escape');
    await street.getByTestId('street-group-save').click();
    const group = street.getByTestId('street-group').filter({ hasText: '老年助餐' });
    // 37 households of J社区 and 22 of 桥北社区 (and any older meal needs still waiting there).
    const households = Number((await group.getByTestId('street-group-households').textContent())!.replace(/\D/g, ''));
    expect(households).toBeGreaterThanOrEqual(59);
    await screenshot(street, 'projects-street-group');

    await group.getByTestId('street-group-draft').click();
    await street.getByTestId('project-title').fill('幸福食堂');
    await street.locator('input[data-testid="budget"], [data-testid="budget"] input').first().fill('180000');
    await axe(street);
    await street.getByTestId('save-draft').click();
    await street.getByTestId('project-page').waitFor();
    await expect(street.getByTestId('project-budget').textContent()).resolves.toBe('¥180,000');
    await expect(street.getByTestId('project-households').textContent()).resolves.toContain(String(households));
    // Its drafter does not approve it.
    expect(await street.getByTestId('project-approve').count()).toBe(0);
    const projectUrl = new URL(street.url()).pathname;

    const district = await as('jbmz', false);
    await district.goto(`${new URL(district.url()).origin}${projectUrl}`);
    await district.getByTestId('project-approve').click();
    await district.getByTestId('project-action-ok').click();
    await district.getByTestId('project-status').filter({ hasText: '已审批' }).first().waitFor();
    await axe(district);
    await screenshot(district, 'projects-approved');

    // A reporter of one of those needs, with an account, on her phone.
    // The street officer reads the needs of both communities.
    const officer = await apiAs('tsjd');
    const id = projectUrl.split('/').at(-1)!;
    const detail = await officer<{ needs: { id: string }[] }>('GET', `/projects/${id}`);
    const admin = await apiAs('admin');
    let reporter: { user: string; need: string } | null = null;
    for (const n of detail.needs) {
      const need = await officer<{ reporterUserId: string | null }>('GET', `/needs/${n.id}`);
      if (need.reporterUserId) {
        reporter = { user: (await admin<{ username: string }>('GET', `/users/${need.reporterUserId}`)).username, need: n.id };
        break;
      }
    }
    expect(reporter).not.toBeNull();
    const phone = await as(reporter!.user, true);
    await phone.goto(`${new URL(phone.url()).origin}/my-needs/${reporter!.need}`);
    const card = phone.getByTestId('need-project');
    await card.waitFor();
    await expect(card.textContent()).resolves.toContain('幸福食堂');
    await expect(card.textContent()).resolves.toContain('社会组织申报');
    await axe(phone);
    await screenshot(phone, 'projects-resident-phone');
  });
});
