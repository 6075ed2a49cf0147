import { defineErrors } from '../../platform/errors/app-error.ts';

export const webhooksErrors = defineErrors({
  'webhook.url_invalid': { status: 400, message: { 'zh-CN': '请填写完整的网址', en: 'Enter a complete URL' } },
  'webhook.url_scheme': {
    status: 400,
    message: { 'zh-CN': '网址须以 http:// 或 https:// 开头，且不含用户名密码', en: 'The URL must use http:// or https:// and carry no user name or password' },
  },
  'webhook.url_private': {
    status: 400,
    message: {
      'zh-CN': '推送地址不能是内网、本机或保留地址',
      en: 'The URL must not point to a private, local or reserved address',
    },
  },
  'webhook.url_unresolved': {
    status: 400,
    message: {
      'zh-CN': '推送地址的域名无法解析，请检查网址',
      en: 'The host name of the URL could not be resolved; check the URL',
    },
  },
  'webhook.inactive': { status: 409, message: { 'zh-CN': '该推送已停用', en: 'This webhook is deactivated' } },
});
