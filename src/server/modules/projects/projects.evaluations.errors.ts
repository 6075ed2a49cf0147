import { defineErrors } from '../../platform/errors/app-error.ts';

const e = (status: number, zh: string, en: string) => ({ status, message: { 'zh-CN': zh, en } });

export const evaluationErrors = defineErrors({
  'evaluation.tied': e(400, '评估人员不能与承接机构有任何关联', 'The evaluator must belong to none of the delivering organizations'),
  'evaluation.no_evaluator': e(409, '尚未指派第三方评估', 'No evaluator is assigned yet'),
  'evaluation.not_now': e(409, '项目当前状态不能开展此项评估', 'The project is not at a stage for this evaluation'),
  'evaluation.exists': e(409, '该项评估已开展', 'This evaluation has already started'),
  'evaluation.submitted': e(409, '评估已提交，不能修改', 'The evaluation is submitted and no longer changes'),
  'evaluation.unknown_indicator': e(400, '指标不在本项目的评估模板中', 'No such indicator in the project\'s template'),
  'evaluation.points_over': e(400, '得分不能超过该指标的分值', 'Points cannot exceed the indicator\'s maximum'),
  'evaluation.incomplete': e(400, '每个三级指标都须打分后才能提交', 'Score every level-3 indicator before submitting'),
  'evaluation.conclusion_kind': e(400, '该结论不适用于此类评估', 'This conclusion does not apply to this evaluation'),
  'evaluation.conclusion_grade': e(400, '不合格的得分只能判为不通过，合格及以上的得分不能判为不通过', 'A failing score concludes in failure, and only a failing score does'),
  'evaluation.rectification_needed': e(400, '整改须写明整改事项和完成期限', 'A rectification needs what to put right and a deadline'),
  'evaluation.not_rectifying': e(409, '该评估没有待完成的整改', 'Nothing is awaiting rectification'),
  'evaluation.not_rectified': e(409, '承接机构尚未提交整改情况', 'The organization has not reported its rectification yet'),
  'evaluation.not_submitted': e(409, '评估提交后才有评估报告', 'The report exists once the evaluation is submitted'),
  'evaluation.rechecked': e(409, '整改已复核', 'The rectification has been re-checked'),
  'report.period_order': e(400, '报告期结束日期不能早于开始日期', 'The period cannot end before it starts'),
  'report.period_not_over': e(400, '只能报告已经结束的时段', 'Only a period that has ended can be reported'),
  'report.no_gap': e(400, '只能对未达标的指标说明差距', 'Only an indicator short of its target has a gap to explain'),
  'report.evidence_not_latest': e(409, '只能为最新一期报告补充佐证材料', 'Evidence can be added to the latest report only'),
  'report.evidence_limit': e(409, '每期报告最多 {limit} 个佐证材料', 'A report can have at most {limit} evidence files'),
  'report.concurrent': e(409, '另一份报告刚刚提交，请刷新后重试', 'Another report was just submitted; reload and try again'),
});
