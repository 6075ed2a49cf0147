import { defineErrors } from '../../platform/errors/app-error.ts';

export const open311Errors = defineErrors({
  'open311.name_required': { status: 400, message: { 'zh-CN': '请填写客户端名称', en: 'Enter the client app name' } },
});
