import type { Kysely } from 'kysely';
import { newId } from '../../platform/db/ids.ts';
import type { DB } from '../../tables.ts';
import type { CallStatus } from './calls.lifecycle.ts';
import { DEFAULT_CALL_RULES } from './calls.rules.ts';

let counter = 0;

/**
 * A street round past its deadline, for modules and tests that read a reviewed round: a panel
 * of the reviewers given, one submitted application per organization (on a theme each) and a
 * handed-in sheet from every reviewer on every application; in publicity, every application is
 * awarded. Rows only: no audit, no HTTP.
 */
export async function buildReviewedRound(
  db: Kysely<DB>,
  o: { districtId: string; streetId: string; organizationIds: string[]; reviewerIds: string[]; createdBy: string; status: CallStatus },
): Promise<{ callId: string; applicationIds: string[] }> {
  const callId = newId();
  const ref = `C-T-${String(++counter).padStart(3, '0')}-${callId.slice(-6)}`;
  const themes = o.organizationIds.map((_, i) => `主题${i + 1}`);
  await db
    .insertInto('calls')
    .values({
      district_id: o.districtId, id: callId, ref_no: ref, title: `测试评审 ${counter}`, kind: 'venture_philanthropy', issuer_level: 'street', issuer_street_id: o.streetId,
      themes, deadline: new Date(Date.now() - 86_400_000), publicity_days: 7, rules: JSON.stringify(DEFAULT_CALL_RULES), rules_version: 0, status: o.status,
      opened_at: new Date(Date.now() - 20 * 86_400_000), created_by: o.createdBy,
      ...(o.status === 'publicity' && { publicized_at: new Date(), publicity_ends_at: new Date(Date.now() + 7 * 86_400_000) }),
    })
    .execute();
  if (o.reviewerIds.length > 0) await db.insertInto('call_panel').values(o.reviewerIds.map((user_id) => ({ district_id: o.districtId, call_id: callId, user_id, kind: 'expert' as const, added_by: o.createdBy }))).execute();
  const applicationIds: string[] = [];
  for (const [i, organizationId] of o.organizationIds.entries()) {
    const id = newId();
    applicationIds.push(id);
    const lines = [{ item: '人员', amountFen: 5_000_000 }];
    await db
      .insertInto('applications')
      .values({
        district_id: o.districtId, id, call_id: callId, ref_no: `${ref}-${String(i + 1).padStart(2, '0')}`, organization_id: organizationId, theme: themes[i]!, project_id: null,
        title: `申报 ${i + 1}`, summary: '摘要', proposal: '方案', budget_lines: JSON.stringify(lines), budget_fen: 5_000_000, status: 'submitted',
        eligibility: JSON.stringify({ eligible: true, onDate: '2026-01-01', checks: [] }), submitted_at: new Date(Date.now() - (10 - i) * 86_400_000), created_by: o.createdBy,
      })
      .execute();
    const scores = Object.fromEntries(DEFAULT_CALL_RULES.criteria.map((c) => [c.id, c.maxPoints * 8]));
    if (o.reviewerIds.length > 0) {
      await db
        .insertInto('application_reviews')
        .values(o.reviewerIds.map((reviewer_user_id) => ({ district_id: o.districtId, call_id: callId, application_id: id, reviewer_user_id, conflict: false, scores: JSON.stringify(scores), submitted_at: new Date() })))
        .execute();
    }
  }
  if (o.status === 'publicity') {
    await db
      .insertInto('call_awards')
      .values(applicationIds.map((application_id, i) => ({ district_id: o.districtId, call_id: callId, application_id, organization_id: o.organizationIds[i]!, amount_fen: 5_000_000, rank: i + 1 })))
      .execute();
  }
  return { callId, applicationIds };
}
