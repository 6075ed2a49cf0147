import type { TFunction } from 'i18next';
import { requiredChoice, requiredText, tooLong } from '../../components/rules.ts';

/** A text the step cannot go without: spaces alone are not an answer, and the server's limit is shown before sending. */
export const writtenText = (t: TFunction, field: string, max: number) => [
  requiredText(t, field),
  { whitespace: true, message: t('common.requiredText', { field }) },
  tooLong(t, field, max),
];

/** A list of boxes with at least one ticked: without the type, an empty list would count as an answer. */
export const tickedSome = (t: TFunction, field: string) => [{ ...requiredChoice(t, field), type: 'array' as const }];
