import type { TFunction } from 'i18next';
import type { CoFundingKind } from '../../../server/modules/projects/projects.tables.ts';

/** The sources co-funding (配套资金) may come from: anything but government money. */
export const CO_FUNDING_KINDS = ['foundation', 'enterprise', 'other'] as const satisfies readonly CoFundingKind[];

/** Where co-funding comes from, as far as the applicant said: "基金会 · 南京市江北慈善基金会". */
export function coFundingFrom(t: TFunction, kind: CoFundingKind | null, source: string): string {
  return [kind ? t(`fundingSource.${kind}`) : '', source].filter(Boolean).join(' · ');
}
