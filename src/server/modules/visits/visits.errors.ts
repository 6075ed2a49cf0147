import { defineErrors } from '../../platform/errors/app-error.ts';

export const visitsErrors = defineErrors({
  'visit.resident_required': { status: 400, message: { 'zh-CN': '关爱走访须选择被走访的居民', en: 'A care visit needs the resident it is for' } },
  'visit.unknown_resident': { status: 400, message: { 'zh-CN': '该居民不在此户', en: 'The resident does not live in this household' } },
  'visit.in_future': { status: 400, message: { 'zh-CN': '走访时间不能晚于现在', en: 'The visit time cannot be in the future' } },
  'visit.too_old': { status: 400, message: { 'zh-CN': '只能补录 {days} 天内的走访', en: 'Only visits of the last {days} days can be recorded' } },
  'visit.bad_range': { status: 400, message: { 'zh-CN': '开始日期不能晚于结束日期', en: 'The start date cannot be after the end date' } },
  'resident_tag.unknown': { status: 404, message: { 'zh-CN': '居民标签不存在', en: 'The resident tag does not exist' } },
});
