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
  'call.reviews_outstanding': {
    status: 409,
    message: { 'zh-CN': '还有 {count} 份评审未完成（未声明回避或未提交评分），评审尚不能结束', en: '{count} reviews are still outstanding (no declaration or sheet not handed in); the panel cannot close yet' },
  },
  'call.application_unreviewed': {
    status: 409,
    message: { 'zh-CN': '有 {count} 份申报没有任何评审提交评分，请补充评审专家', en: '{count} applications have no submitted review; add reviewers first' },
  },
  'call.nothing_to_rank': { status: 409, message: { 'zh-CN': '没有已提交的申报，无法排名', en: 'No application was submitted; there is nothing to rank' } },
  'application.deadline_passed': {
    status: 409,
    message: { 'zh-CN': '申报已于 {deadline} 截止', en: 'Applications closed at {deadline}' },
  },
  'application.project_or_theme': { status: 400, message: { 'zh-CN': '请选择申报的项目或主题（二选一）', en: 'Choose either one of the offered projects or one of the themes' } },
  'application.theme_not_offered': { status: 400, message: { 'zh-CN': '该主题不在本次申报指南中', en: 'This theme is not one of the call\'s themes' } },
  'application.team_twice': { status: 400, message: { 'zh-CN': '团队成员不能重复', en: 'A team member is listed twice' } },
  'application.one_lead': { status: 400, message: { 'zh-CN': '团队需要且只能有一名项目负责人', en: 'The team needs exactly one lead' } },
  'application.co_funding_over_budget': { status: 400, message: { 'zh-CN': '配套资金不能超过项目总预算', en: 'Co-funding cannot exceed the total budget' } },
  'application.over_project_budget': {
    status: 400,
    message: { 'zh-CN': '申请资助金额（总预算减配套资金）超过项目预算', en: 'The amount requested (budget less co-funding) exceeds the project budget' },
  },
  'application.already_applied': { status: 409, message: { 'zh-CN': '本机构已申报该项目（或主题）', en: 'Your organization has already applied for this' } },
  'application.not_editable': { status: 409, message: { 'zh-CN': '申报书已提交或撤回，不能再修改', en: 'The application has been submitted or withdrawn and can no longer change' } },
  'application.not_eligible': {
    status: 409,
    message: { 'zh-CN': '机构不符合本次申报条件，请查看资格核查结果', en: 'The organization does not meet the call\'s eligibility rules; see the eligibility check' },
  },
  'review.already_submitted': { status: 409, message: { 'zh-CN': '评分表已提交，不能再修改', en: 'The score sheet has been handed in and can no longer change' } },
  'review.declare_first': { status: 409, message: { 'zh-CN': '请先声明是否存在利益冲突', en: 'Declare whether you have a conflict of interest first' } },
  'review.unknown_criterion': { status: 400, message: { 'zh-CN': '没有这个评分项', en: 'There is no such criterion' } },
  'review.not_tenths': { status: 400, message: { 'zh-CN': '分数最多保留一位小数', en: 'Scores take at most one decimal place' } },
  'review.out_of_range': { status: 400, message: { 'zh-CN': '该项最高 {max} 分', en: 'This criterion has at most {max} points' } },
  'call.award_not_recommended': {
    status: 409,
    message: { 'zh-CN': '只能授予达到推荐分数线的申报', en: 'Only applications recommended by the ranking can be awarded' },
  },
  'call.award_twice': { status: 400, message: { 'zh-CN': '每个项目只能授予一家机构', en: 'A project can be awarded to one application only' } },
  'call.award_reason_required': {
    status: 400,
    message: { 'zh-CN': '授予结果与评审排名不一致，请说明理由（将随结果公示）', en: 'The award departs from the ranking: give the reason (it is publicised with the result)' },
  },
  'call.publicity_over': { status: 409, message: { 'zh-CN': '公示期已于 {until} 结束', en: 'The publicity period ended at {until}' } },
  'call.publicity_running': { status: 409, message: { 'zh-CN': '公示期到 {until} 结束，之后才能结束本轮申报', en: 'The result is publicised until {until}; the round can conclude after that' } },
  'call.objections_open': { status: 409, message: { 'zh-CN': '还有 {count} 件异议未答复', en: '{count} objections are still unanswered' } },
  'call.objection_answered': { status: 409, message: { 'zh-CN': '该异议已答复', en: 'This objection has already been answered' } },
  'call.public_unit_required': { status: 400, message: { 'zh-CN': '请指定街道或社区（二选一）', en: 'Give either a street or a community' } },
});
