import { defineErrors } from '../../platform/errors/app-error.ts';

export const commonNeedsErrors = defineErrors({
  'common_need.unknown_grid': { status: 400, message: { 'zh-CN': '网格不属于该社区', en: 'The grid is not in this community' } },
  'common_need.status_locked': {
    status: 409,
    message: {
      'zh-CN': '该共性需求当前状态为“{status}”，不能再修改状态',
      en: 'The common need is {status}; its status can no longer be changed here',
    },
  },
});
