import { defineErrors } from '../../platform/errors/app-error.ts';

const e = (status: number, zh: string, en: string) => ({ status, message: { 'zh-CN': zh, en } });

export const contractErrors = defineErrors({
  'contract.no_award': e(409, '该项目没有有效的授予结果，不能签订合同', 'The project has no live award to contract on'),
  'contract.round_not_concluded': e(409, '申报 {call} 尚未结束（公示期未满或异议未答复），不能签订合同', 'Round {call} has not concluded (publicity running or objections unanswered)'),
  'contract.exists': e(409, '该项目已有合同', 'The project already has a contract'),
  'contract.term_order': e(400, '合同结束日期不能早于开始日期', 'The term cannot end before it starts'),
  'contract.milestone_unknown': e(400, '所指里程碑不存在：请按里程碑列表中的序号选择', 'No such milestone: choose one by its number in the list'),
  'contract.indicator_duplicate': e(400, '每项指标只能设置一个目标', 'Each measure takes one target'),
  'contract.rate_over_100': e(400, '满意率目标不能超过 100%', 'A rate cannot exceed 100%'),
  'contract.milestone_outside_term': e(400, '里程碑的完成日期须在合同期内', 'A milestone must fall due within the term'),
  'contract.no_tranches': e(400, '至少设置一笔拨付', 'Set at least one tranche'),
  'contract.not_positive': e(400, '每笔拨付金额须大于零', 'Each tranche must be more than zero'),
  'contract.sum_differs': e(400, '各笔拨付之和须等于合同金额', 'The tranches must add up to the contract amount'),
  'contract.milestone_missing': e(400, '按里程碑拨付须指定里程碑', 'A milestone tranche needs its milestone'),
  'contract.milestone_unexpected': e(400, '只有按里程碑拨付才需指定里程碑', 'Only a milestone tranche names a milestone'),
  'contract.not_draft': e(409, '合同已签订或已终止', 'The contract is already signed or terminated'),
  'contract.not_signed': e(409, '合同未处于履行中', 'The contract is not in force'),
  'contract.clawback_over_paid': e(400, '追回金额不能超过已拨付金额', 'The amount clawed back cannot exceed what was paid'),
  'contract.block.already_released': e(409, '该笔款项已拨付', 'This tranche has already been released'),
  'contract.block.earlier_tranche_pending': e(409, '请先拨付前一笔款项', 'Release the earlier tranche first'),
  'contract.block.terminated': e(409, '合同已终止，不再拨付', 'The contract is terminated: nothing more is paid'),
  'contract.block.midterm_failed': e(409, '中期评估未通过，不再拨付', 'The mid-term failed: nothing more is paid'),
  'contract.block.precondition_not_met': e(409, '拨付条件尚未满足', 'The condition of this tranche does not hold yet'),
});
