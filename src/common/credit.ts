/** Codes of organization credit (DESIGN 3.3), shared by server and web. */

export const CREDIT_RECORD_KINDS = ['annual_report', 'inspection', 'penalty', 'award'] as const;
export type CreditRecordKind = (typeof CREDIT_RECORD_KINDS)[number];

/** 年检结论: 合格 / 基本合格 / 不合格. */
export const INSPECTION_RESULTS = ['passed', 'basically_passed', 'failed'] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];

/** 活动异常名录 and 严重违法失信名单. */
export const CREDIT_LISTS = ['abnormal', 'dishonest'] as const;
export type CreditList = (typeof CREDIT_LISTS)[number];

/** What a list entry means today: listed, listed with an objection awaiting an answer, or off the list. */
export const LIST_ENTRY_STATES = ['listed', 'objection_pending', 'removed'] as const;
export type ListEntryState = (typeof LIST_ENTRY_STATES)[number];

export const REMOVAL_KINDS = ['repair', 'objection'] as const;
export type RemovalKind = (typeof REMOVAL_KINDS)[number];

export const OBJECTION_OUTCOMES = ['upheld', 'rejected'] as const;
export type ObjectionOutcome = (typeof OBJECTION_OUTCOMES)[number];
