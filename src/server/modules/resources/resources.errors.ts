import { defineErrors } from '../../platform/errors/app-error.ts';

export const resourcesErrors = defineErrors({
  'resources.unknown_district': { status: 400, message: { 'zh-CN': '所属区不存在', en: 'The district does not exist' } },
  'resources.unknown_street': { status: 400, message: { 'zh-CN': '街道不存在或不属于该区', en: 'The street does not exist in this district' } },
  'resources.unknown_community': {
    status: 400,
    message: { 'zh-CN': '社区不存在或不属于该街道', en: 'The community does not exist in this street or district' },
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
  'resources.unknown_owner': { status: 400, message: { 'zh-CN': '资源提供方不存在', en: 'The owner does not exist' } },
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
