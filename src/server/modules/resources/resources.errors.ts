import { defineErrors } from '../../platform/errors/app-error.ts';

export const resourcesErrors = defineErrors({
  'resources.unknown_street': { status: 400, message: { 'zh-CN': '街道不属于该区', en: 'The street is not in this district' } },
  'resources.unknown_community': {
    status: 400,
    message: { 'zh-CN': '社区不属于该街道或区', en: 'The community is not in this street or district' },
  },
  'resources.location_required': {
    status: 400,
    message: { 'zh-CN': '请选择资源可用的区、街道或社区', en: 'Choose the district, street or community where the resource is available' },
  },
  'resources.owner_required': {
    status: 400,
    message: { 'zh-CN': '请选择或填写资源提供方', en: 'Choose or enter the owner of the resource' },
  },
  'resources.unknown_category': {
    status: 400,
    message: { 'zh-CN': '服务类别须是本区需求分类中的一项', en: 'The category must be one of the district\'s need categories' },
  },
  'resources.unknown_owner': { status: 400, message: { 'zh-CN': '提供资源的社区须在本区', en: 'The owning community must be in the same district' } },
  'resources.window_order': {
    status: 400,
    message: { 'zh-CN': '开放时段的结束时间须晚于开始时间', en: 'A time window must end after it starts' },
  },
  'resources.date_order': {
    status: 400,
    message: { 'zh-CN': '可用结束日期不能早于开始日期', en: 'The availability cannot end before it starts' },
  },
  'resources.phone_format': {
    status: 400,
    message: { 'zh-CN': '请填写手机号或带区号的固定电话', en: 'Enter a mobile number or a landline with area code' },
  },
});
