import { defineErrors } from './app-error.ts';

export const platformErrors = defineErrors({
  'validation.failed': { status: 400, message: { 'zh-CN': '提交的内容有误，请检查标出的字段', en: 'Some fields are invalid; please check them' } },
  'validation.required': { status: 400, message: { 'zh-CN': '此项必填', en: 'This field is required' } },
  'validation.type': { status: 400, message: { 'zh-CN': '格式不正确', en: 'Wrong type of value' } },
  'validation.format': { status: 400, message: { 'zh-CN': '格式不正确', en: 'Invalid format' } },
  'validation.too_short': { status: 400, message: { 'zh-CN': '至少 {limit} 个字符', en: 'At least {limit} characters' } },
  'validation.too_long': { status: 400, message: { 'zh-CN': '最多 {limit} 个字符', en: 'At most {limit} characters' } },
  'validation.too_small': { status: 400, message: { 'zh-CN': '不能小于 {limit}', en: 'Must be at least {limit}' } },
  'validation.too_large': { status: 400, message: { 'zh-CN': '不能大于 {limit}', en: 'Must be at most {limit}' } },
  'validation.not_allowed': { status: 400, message: { 'zh-CN': '取值不在允许范围内', en: 'Value is not one of the allowed values' } },
  'validation.unknown_field': { status: 400, message: { 'zh-CN': '不允许的字段', en: 'Unknown field' } },
  'validation.invalid_characters': {
    status: 400,
    message: { 'zh-CN': '含有无法保存的字符（空字符或不成对的代理项）', en: 'Contains characters that cannot be stored (a NUL or an unpaired surrogate)' },
  },
  'validation.invalid_cursor': { status: 400, message: { 'zh-CN': '分页游标无效', en: 'Invalid page cursor' } },
  'request.malformed': { status: 400, message: { 'zh-CN': '请求无法解析', en: 'The request could not be parsed' } },
  'request.too_large': { status: 413, message: { 'zh-CN': '上传内容过大', en: 'The upload is too large' } },
  'request.unsupported_media': { status: 415, message: { 'zh-CN': '不支持的内容类型', en: 'Unsupported content type' } },
  // Uploaded files (platform/http/uploads.ts), whatever they are attached to.
  'attachment.missing_file': { status: 400, message: { 'zh-CN': '请选择要上传的文件', en: 'Choose a file to upload' } },
  'attachment.type_not_allowed': {
    status: 400,
    message: {
      'zh-CN': '只能上传 JPEG、PNG、WebP 图片或 PDF 文件（按文件内容判断）',
      en: 'Only JPEG, PNG or WebP images and PDF documents can be uploaded (judged by the file content)',
    },
  },
  'attachment.too_large': {
    status: 413,
    message: { 'zh-CN': '文件过大：图片不超过 10 MB，PDF 不超过 20 MB', en: 'The file is too large: images up to 10 MB, PDF up to 20 MB' },
  },
  'auth.required': { status: 401, message: { 'zh-CN': '请先登录', en: 'Please sign in' } },
  'auth.csrf': { status: 403, message: { 'zh-CN': '请求校验失败，请刷新页面后重试', en: 'Request check failed; reload the page and try again' } },
  'access.forbidden': { status: 403, message: { 'zh-CN': '您没有执行此操作的权限', en: 'You are not allowed to do this' } },
  'resource.not_found': { status: 404, message: { 'zh-CN': '未找到该记录', en: 'Not found' } },
  'route.not_found': { status: 404, message: { 'zh-CN': '接口不存在', en: 'No such endpoint' } },
  'resource.conflict': { status: 409, message: { 'zh-CN': '记录已存在或已被修改', en: 'The record already exists or was changed' } },
  'server.error': { status: 500, message: { 'zh-CN': '服务器出错了，请稍后再试', en: 'Something went wrong on the server; please try again later' } },
});
