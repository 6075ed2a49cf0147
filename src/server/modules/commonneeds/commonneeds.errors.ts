import { defineErrors } from '../../platform/errors/app-error.ts';

export const commonNeedsErrors = defineErrors({
  'common_need.unknown_grid': { status: 400, message: { 'zh-CN': '网格不属于该社区', en: 'The grid is not in this community' } },
  'common_need.one_place': {
    status: 400,
    message: { 'zh-CN': '请只选择一个社区、街道或区', en: 'Name exactly one community, street or district' },
  },
  'common_need.bad_child': {
    status: 400,
    message: {
      'zh-CN': '只能并入同一街道（或区）内、同类别、尚未并入其他组的社区共性需求',
      en: 'Only a community group of the same category and street (or district), not yet in another group, can be added',
    },
  },
  'common_need.status_locked': {
    status: 409,
    message: {
      'zh-CN': '该共性需求当前状态为“{status}”，不能再修改状态',
      en: 'The common need is {status}; its status can no longer be changed here',
    },
  },
});
