import { useQuery } from '@tanstack/react-query';
import type { Static } from 'typebox';
import type * as S from '../../../server/modules/participation/participation.schemas.ts';
import { STANCES, TOPIC_SOURCES, TOPIC_STATUSES, VOTE_CHOICES } from '../../../server/modules/participation/participation.tables.ts';
import { api } from '../../api/client.ts';
import { retry } from '../volunteers/volunteerQueries.ts';

export type Member = S.Member;
export type TopicSummary = S.TopicSummary;
export type TopicDetail = S.TopicDetail;
export type Meeting = S.Meeting;
export type MeetingSummary = Static<typeof S.MeetingList>['items'][number];
export type Settings = S.Settings;
export type SettingsBody = S.SettingsBody;
export type RoundSummary = S.RoundSummary;
export type TopicBody = S.TopicBody;
export type MeetingBody = S.MeetingBody;
export type MeetingPatch = S.MeetingPatch;
export type MemberBody = S.MemberBody;
export type MemberPatch = S.MemberPatch;
export type OpinionBody = S.OpinionBody;
export type DecisionBody = S.DecisionBody;
export type FeedbackBody = S.FeedbackBody;
export type TopicStatus = (typeof TOPIC_STATUSES)[number];
export type TopicSource = (typeof TOPIC_SOURCES)[number];
export type Stance = (typeof STANCES)[number];
export type VoteChoice = (typeof VOTE_CHOICES)[number];
export { STANCES, TOPIC_SOURCES, TOPIC_STATUSES, VOTE_CHOICES };

/** Every cached council query starts with this key: any change refreshes them all. */
export const COUNCIL_KEY = 'council';
export const PARTICIPATION_SETTINGS_KEY = 'participation-settings';

export function useMembers(communityId: string | undefined) {
  return useQuery({
    queryKey: [COUNCIL_KEY, 'members', communityId],
    queryFn: () => api.get<{ items: Member[]; canManage: boolean }>('/council-members', { communityId }),
    enabled: !!communityId,
    retry,
  });
}

export function useTopics(communityId: string | undefined) {
  return useQuery({
    queryKey: [COUNCIL_KEY, 'topics', communityId],
    queryFn: async () => (await api.get<{ items: TopicSummary[] }>('/council-topics', { communityId })).items,
    enabled: !!communityId,
    retry,
  });
}

export function useTopic(id: string | undefined) {
  return useQuery({ queryKey: [COUNCIL_KEY, 'topic', id], queryFn: () => api.get<TopicDetail>(`/council-topics/${id}`), enabled: !!id, retry });
}

export function useMeetings(communityId: string | undefined) {
  return useQuery({
    queryKey: [COUNCIL_KEY, 'meetings', communityId],
    queryFn: async () => (await api.get<{ items: MeetingSummary[] }>('/council-meetings', { communityId })).items,
    enabled: !!communityId,
    retry,
  });
}

export function useMeeting(id: string | undefined) {
  return useQuery({ queryKey: [COUNCIL_KEY, 'meeting', id], queryFn: () => api.get<Meeting>(`/council-meetings/${id}`), enabled: !!id, retry });
}

/** The community's budget rounds still in draft: a passed topic may join one as a candidate. */
export function useDraftRounds(communityId: string | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['budget-rounds', 'draft-for-council', communityId],
    queryFn: async () => (await api.get<{ items: RoundSummary[] }>('/budget-rounds', { communityId })).items.filter((r) => r.status === 'draft'),
    enabled: !!communityId && enabled,
    retry,
  });
}

export function useParticipationSettings(communityId: string | undefined) {
  return useQuery({
    queryKey: [PARTICIPATION_SETTINGS_KEY, communityId],
    queryFn: () => api.get<Settings>('/participation-settings', { communityId }),
    enabled: !!communityId,
    retry,
  });
}

export const putParticipationSettings = (communityId: string, body: SettingsBody) =>
  api.put<Settings>(`/participation-settings?communityId=${encodeURIComponent(communityId)}`, body);

export const createTopic = (body: TopicBody) => api.post<TopicDetail>('/council-topics', body);
export const addOpinion = (id: string, body: OpinionBody) => api.post<TopicDetail>(`/council-topics/${id}/opinions`, body);
export const decide = (id: string, body: DecisionBody) => api.post<TopicDetail>(`/council-topics/${id}/decision`, body);
export const addFeedback = (id: string, body: FeedbackBody) => api.post<TopicDetail>(`/council-topics/${id}/feedback`, body);
export const createMeeting = (body: MeetingBody) => api.post<Meeting>('/council-meetings', body);
export const patchMeeting = (id: string, body: MeetingPatch) => api.patch<Meeting>(`/council-meetings/${id}`, body);
export const addMember = (body: MemberBody) => api.post<Member>('/council-members', body);
export const patchMember = (id: string, body: MemberPatch) => api.patch<Member>(`/council-members/${id}`, body);

const BEIJING = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** A moment as Beijing time, "2026-05-12 19:30", whatever the device's own time zone. */
export function beijingTime(iso: string): string {
  const parts = Object.fromEntries(BEIJING.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** The day only, "2026-05-12", in Beijing. */
export const beijingDate = (iso: string) => beijingTime(iso).slice(0, 10);

/** Votes as the council reads them aloud: for–against–abstain. */
export const votesText = (v: { for: number; against: number; abstain: number }) => `${v.for}–${v.against}–${v.abstain}`;
