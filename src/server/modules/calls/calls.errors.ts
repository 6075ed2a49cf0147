import { defineErrors } from '../../platform/errors/app-error.ts';

export const callsErrors = defineErrors({
  'call.criteria_not_100': { status: 400, message: { 'zh-CN': '各评分项分值之和应为 100', en: 'The points of the criteria must add up to 100' } },
  'call.criteria_id_twice': { status: 400, message: { 'zh-CN': '评分项编码不能重复', en: 'Each criterion needs its own code' } },
  'call.deadline_past': { status: 400, message: { 'zh-CN': '截止时间应晚于现在', en: 'The deadline must be in the future' } },
  'call.not_editable': {
    status: 409,
    message: { 'zh-CN': '申报指南已发布，内容和规则不能再修改', en: 'The call is published; its content and rules can no longer change' },
  },
  'call.invalid_transition': {
    status: 409,
    message: { 'zh-CN': '当前状态为“{status}”，不能执行该操作', en: 'The call is {status}; this action is not possible now' },
  },
  'call.nothing_offered': {
    status: 409,
    message: { 'zh-CN': '发布前请至少选择一个项目或填写一个申报主题', en: 'Offer at least one project or theme before publishing' },
  },
  'call.panel_too_small': {
    status: 409,
    message: { 'zh-CN': '评审小组至少需要 {min} 人（当前 {count} 人）', en: 'The review panel needs at least {min} members (now {count})' },
  },
  'call.before_deadline': {
    status: 409,
    message: { 'zh-CN': '申报截止时间（{deadline}）未到，不能提前截止', en: 'Applications are open until {deadline}; the call cannot close earlier' },
  },
  'call.project_not_offerable': {
    status: 409,
    message: {
      'zh-CN': '只能选择本单位出资、已审批且未在其他申报中的项目',
      en: 'Only approved projects funded by the issuing office and not offered elsewhere can be offered',
    },
  },
});
