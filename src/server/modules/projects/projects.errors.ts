import { defineErrors } from '../../platform/errors/app-error.ts';

export const projectsErrors = defineErrors({
  'project.invalid_transition': {
    status: 409,
    message: { 'zh-CN': '项目当前状态为“{status}”，不能执行“{action}”', en: 'The project is {status}; “{action}” is not possible now' },
  },
  'project.origin_taken': {
    status: 400,
    message: { 'zh-CN': '该共性需求已被其他项目采用或已并入上级共性需求', en: 'This common need is already taken by a project or is part of a larger group' },
  },
  'project.origin_district': {
    status: 400,
    message: { 'zh-CN': '项目的共性需求须属于同一个区', en: 'A project\'s common needs must lie in one district' },
  },
  'project.purchaser_street': {
    status: 400,
    message: {
      'zh-CN': '街道购买的项目只能回应本街道的需求；跨街道的项目由区购买',
      en: 'A street purchases projects for its own street only; a project spanning streets is purchased by the district',
    },
  },
  'project.period_order': {
    status: 400,
    message: { 'zh-CN': '结束日期不能早于开始日期', en: 'The end date cannot be before the start date' },
  },
  'project.final_not_evaluated': {
    status: 409,
    message: { 'zh-CN': '第三方评估机构尚未提交终期评估报告，不能验收', en: 'The evaluator has not submitted the final evaluation yet' },
  },
  'resource_commitment.withdrawn': {
    status: 409,
    message: { 'zh-CN': '该资源承诺已撤回', en: 'This resource commitment has already been withdrawn' },
  },
});
