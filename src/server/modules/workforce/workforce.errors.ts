import { defineErrors } from '../../platform/errors/app-error.ts';

export const workforceErrors = defineErrors({
  'social_worker.id_number_format': {
    status: 400,
    message: { 'zh-CN': '身份证号应为 18 位，最后一位可为 X', en: 'An ID number has 18 characters; the last may be X' },
  },
  'social_worker.id_number_birth_date': {
    status: 400,
    message: { 'zh-CN': '身份证号中的出生日期无效', en: 'The birth date in the ID number is not valid' },
  },
  'social_worker.id_number_check_digit': {
    status: 400,
    message: { 'zh-CN': '身份证号校验位不正确', en: 'The check digit of the ID number is wrong' },
  },
  'social_worker.duplicate_id_number': {
    status: 409,
    message: { 'zh-CN': '本区已登记该身份证号的社工', en: 'A social worker with this ID number is already registered in this district' },
  },
  'social_worker.phone_format': {
    status: 400,
    message: { 'zh-CN': '请填写手机号或带区号的固定电话', en: 'Enter a mobile number or a landline with area code' },
  },
  'social_worker.communities_required': {
    status: 400,
    message: { 'zh-CN': '社会组织聘用的社工须至少选择一个服务社区', en: 'Choose at least one community served by a social worker employed by an organization' },
  },
  'social_worker.other_district': {
    status: 400,
    message: { 'zh-CN': '服务社区和用人社区须在社工所属的区内', en: 'Communities served and the employing community must lie in the social worker\'s district' },
  },
  'social_worker.employer_mismatch': {
    status: 400,
    message: { 'zh-CN': '该项与用人单位类型不符', en: 'This does not match the kind of employer' },
  },
  'social_worker.certificate_without_level': {
    status: 400,
    message: { 'zh-CN': '未选择证书等级时不能填写证书信息', en: 'Choose a certificate level before giving certificate details' },
  },
  'social_worker.supervisor_not_colleague': {
    status: 400,
    message: { 'zh-CN': '督导须是同一用人单位在职的其他社工', en: 'The supervisor must be another active social worker of the same employer' },
  },
  'social_worker.date_in_future': { status: 400, message: { 'zh-CN': '日期不能晚于今天', en: 'The date cannot be in the future' } },
});
