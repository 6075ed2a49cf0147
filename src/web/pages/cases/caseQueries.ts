import { useQuery } from '@tanstack/react-query';
import type {
  AnswerBody,
  AssessmentBody,
  CaseDetail,
  CaseList,
  CaseSummary,
  ClosingBody,
  Consent,
  ConsentBody,
  Goal,
  JournalEntry,
  ListQuery,
  OpenBody,
  PlanBody,
  ReceivedReferral,
  ReceivedReferralList,
  ReceivedReferralSummary,
  ReferBody,
  Referral,
  ReopenBody,
  ReviewBody,
  SessionBody,
  TransferBody,
} from '../../../server/modules/cases/cases.schemas.ts';
import type { CaseAction, ReviewAction } from '../../../server/modules/cases/cases.lifecycle.ts';
import type { CaseStep } from '../../../server/modules/cases/cases.service.ts';
import type { CaseStatus } from '../../../server/modules/cases/cases.tables.ts';
import type { SocialWorkerView } from '../../../server/modules/workforce/workforce.schemas.ts';
import { api, type Page } from '../../api/client.ts';
import { NEEDS_KEY } from '../needs/needQueries.ts';

export type { AnswerBody, AssessmentBody, CaseAction, CaseDetail, CaseStatus, CaseStep, CaseSummary, ClosingBody, Consent, Goal, JournalEntry, OpenBody, ReceivedReferral, ReceivedReferralSummary, Referral, ReviewAction };

// The server's lists live in its schema module, which the web does not bundle; `satisfies`
// keeps these in step with the body types.
export const ASSESSMENT_DOMAINS = ['living', 'health', 'family', 'finances', 'safety'] as const satisfies readonly (keyof AssessmentBody['domains'])[];
export type Domain = (typeof ASSESSMENT_DOMAINS)[number];
export const OUTCOMES = ['fully', 'partly', 'closed_unresolved'] as const satisfies readonly ClosingBody['outcome'][];
export const GOAL_RESULTS = ['achieved', 'partly', 'not_achieved'] as const satisfies readonly ClosingBody['results'][number]['result'][];
export type GoalResult = (typeof GOAL_RESULTS)[number];
/** What a consent may cover and a referral carry, in the order the forms offer them. */
export const SHAREABLE_FIELDS = ['name', 'gender_age', 'phone', 'address', 'presenting_problem', 'assessment_summary'] as const satisfies readonly ConsentBody['fields'][number][];
export type ShareableField = (typeof SHAREABLE_FIELDS)[number];
export const REFERRAL_DECISIONS = ['accepted', 'declined'] as const satisfies readonly AnswerBody['decision'][];

/** Every cached case query starts with this key, so a step refreshes the list and the page at once. */
export const CASES_KEY = 'cases';

export function useCases(query: ListQuery, enabled = true) {
  return useQuery({ queryKey: [CASES_KEY, 'list', query], queryFn: () => api.get<CaseList>('/cases', query), enabled });
}

export function useCase(id: string | undefined) {
  return useQuery({ queryKey: [CASES_KEY, 'detail', id], queryFn: () => api.get<CaseDetail>(`/cases/${id}`), enabled: !!id });
}

/** The body each step's route takes, by the last part of its path. */
export interface StepBodies {
  assessment: AssessmentBody;
  plan: PlanBody;
  sessions: SessionBody;
  closing: ClosingBody;
  review: ReviewBody;
  transfer: TransferBody;
  reopen: ReopenBody;
  consents: ConsentBody;
  referrals: ReferBody;
}
export type StepPath = keyof StepBodies;

export function postCaseStep<P extends StepPath>(caseId: string, path: P, body: StepBodies[P]): Promise<CaseStep> {
  return api.post<CaseStep>(`/cases/${caseId}/${path}`, body);
}

/** Withdrawing a consent is a step of the case too: it answers the case's state. */
export function withdrawConsent(caseId: string, consentId: string): Promise<CaseStep> {
  return api.post<CaseStep>(`/cases/${caseId}/consents/${consentId}/withdraw`);
}

export function openCase(body: OpenBody): Promise<CaseStep> {
  return api.post<CaseStep>('/cases', body);
}

/**
 * A case's step changes the lists it is on and, when it opens or closes a case answering a
 * need, that need's state and timeline: both are read again.
 */
export const STEP_INVALIDATES = [CASES_KEY, NEEDS_KEY];

/**
 * The organization's social workers in post: who a case may be given to. The key is the one
 * the activity form uses for the same list, so both read one cached copy.
 */
export function useOrganizationWorkers(organizationId: string | null | undefined, enabled = true) {
  return useQuery({
    queryKey: ['social-workers', 'active', organizationId],
    queryFn: async () => (await api.get<Page<SocialWorkerView>>('/social-workers', { organizationId: organizationId!, status: 'active', limit: 200 })).items,
    enabled: enabled && !!organizationId,
  });
}

/** Referrals received by the organizations the caller administers: a key of their own, as no case of theirs holds them. */
export const REFERRALS_KEY = 'referrals';

export function useReceivedReferrals() {
  return useQuery({ queryKey: [REFERRALS_KEY, 'list'], queryFn: () => api.get<ReceivedReferralList>('/referrals') });
}

/** Each read of a referral's content is audited on the server: it is read when the page opens, not again on a whim. */
export function useReceivedReferral(id: string | undefined) {
  return useQuery({ queryKey: [REFERRALS_KEY, 'detail', id], queryFn: () => api.get<ReceivedReferral>(`/referrals/${id}`), enabled: !!id, staleTime: Infinity });
}

/** The receiver's answer, or a department's as the case's worker records it: both lists that show it are read again. */
export function answerReferral(id: string, body: AnswerBody): Promise<{ id: string; status: AnswerBody['decision'] }> {
  return api.post(`/referrals/${id}/answer`, body);
}
export const ANSWER_INVALIDATES = [CASES_KEY, REFERRALS_KEY];
