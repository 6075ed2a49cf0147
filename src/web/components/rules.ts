import type { TFunction } from 'i18next';

// Required-field messages name the field ("请选择处理人", not "此项为必填项"): in a long form
// a busy secretary sees at once what is missing, and a screen reader says it.
export const requiredText = (t: TFunction, field: string) => ({ required: true, message: t('common.requiredText', { field }) });
export const requiredChoice = (t: TFunction, field: string) => ({ required: true, message: t('common.requiredChoice', { field }) });
// Text over the limit is kept and marked, not silently cut: the counter turns red and this
// message says by how much before anything is saved.
export const tooLong = (t: TFunction, field: string, max: number) => ({ max, message: t('common.tooLong', { field, max }) });
