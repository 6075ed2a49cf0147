import { defineErrors } from '../../platform/errors/app-error.ts';

export const organizationsErrors = defineErrors({
  'organization.uscc_format': {
    status: 400,
    message: { 'zh-CN': '统一社会信用代码应为 18 位数字或大写字母', en: 'A unified social credit code has 18 digits or capital letters' },
  },
  'organization.uscc_check_char': {
    status: 400,
    message: { 'zh-CN': '统一社会信用代码校验位不正确', en: 'The check character of the unified social credit code is wrong' },
  },
  'organization.duplicate_uscc': {
    status: 409,
    message: { 'zh-CN': '已有使用该统一社会信用代码的社会组织', en: 'An organization with this unified social credit code already exists' },
  },
  'organization.phone_format': {
    status: 400,
    message: { 'zh-CN': '请填写手机号或带区号的固定电话', en: 'Enter a mobile number or a landline with area code' },
  },
  'organization.rating_date_required': {
    status: 400,
    message: { 'zh-CN': '请填写评估日期或等级有效期', en: 'Enter the assessment date or the end of validity of the rating' },
  },
  'organization.rating_required': {
    status: 400,
    message: { 'zh-CN': '填写评估日期或有效期时须选择评估等级', en: 'Choose a rating when giving its dates' },
  },
  'organization.rating_validity_range': {
    status: 400,
    message: {
      'zh-CN': '等级有效期须在评估日期之后且不超过 5 年',
      en: 'The rating must end after its assessment date and within 5 years of it',
    },
  },
  'organization.date_in_future': { status: 400, message: { 'zh-CN': '日期不能晚于今天', en: 'The date cannot be in the future' } },
  'organization.field_not_editable': {
    status: 403,
    message: {
      'zh-CN': '您只能修改本组织的地址、联系人、联系电话和服务领域',
      en: 'You may change only the address, contact person, contact phone and service fields of your organization',
    },
  },
  'organization.credit_duplicate_report': {
    status: 409,
    message: { 'zh-CN': '该年度的年度报告已登记', en: 'The annual report for this year is already recorded' },
  },
  'organization.credit_report_year_after_filing': {
    status: 400,
    message: { 'zh-CN': '报告年度不能晚于报送日期所在年度', en: 'The year reported on cannot be after the year the report was filed' },
  },
  'organization.credit_already_listed': {
    status: 409,
    message: { 'zh-CN': '该组织已在此名录中，须先移出', en: 'The organization is already on this list; it must be removed first' },
  },
  'organization.credit_entry_removed': {
    status: 409,
    message: { 'zh-CN': '该条目已移出名录', en: 'This entry has already been removed from the list' },
  },
  'organization.credit_objection_pending': {
    status: 409,
    message: { 'zh-CN': '该条目有尚未答复的异议，请先答复', en: 'An objection to this entry awaits an answer; answer it first' },
  },
  'organization.credit_no_pending_objection': {
    status: 409,
    message: { 'zh-CN': '该条目没有待答复的异议', en: 'No objection to this entry awaits an answer' },
  },
  'organization.credit_removed_before_entered': {
    status: 400,
    message: { 'zh-CN': '移出日期不能早于列入日期', en: 'The removal date cannot be before the date the entry was made' },
  },
});
