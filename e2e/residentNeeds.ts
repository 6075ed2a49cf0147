import { apiAs } from './browser.ts';

/**
 * 王娟 reports a broken stairwell light for her household through the API, as set-up for a test
 * of her phone pages (the report form's duplicate hint, attachments on an open request).
 */
export async function wangjuanReportsLighting(description: string): Promise<{ id: string; refNo: string }> {
  const wangjuan = await apiAs('wangjuan');
  const me = await wangjuan<{ assignments: { role: string; scopeId: string | null }[] }>('GET', '/me');
  const householdId = me.assignments.find((a) => a.role === 'resident')!.scopeId!;
  const household = await wangjuan<{ districtId: string }>('GET', `/households/${householdId}`);
  const categories = await wangjuan<{ items: { id: string; code: string }[] }>('GET', `/need-categories?districtId=${household.districtId}`);
  const lighting = categories.items.find((c) => c.code === 'facility_lighting')!;
  return wangjuan<{ id: string; refNo: string }>('POST', '/needs', { source: 'resident', householdId, categoryId: lighting.id, description });
}
