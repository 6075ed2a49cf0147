import { defineErrors } from '../../platform/errors/app-error.ts';

const e = (status: number, zh: string, en: string) => ({ status, message: { 'zh-CN': zh, en } });

export const casesErrors = defineErrors({
  'case.no_supervisor': e(409, '该社工尚未指定督导，请机构负责人先在社工名册中指定', 'The social worker has no supervisor: the organization\'s administrator names one in the register first'),
  'case.worker_without_account': e(409, '该社工没有登录账号，不能承接个案', 'The social worker has no account and cannot hold a case'),
  'case.need_not_referred': e(409, '该需求当前不是转介给本机构的状态，不能据此开案', 'The need is not referred to this organization now: no case can be opened from it'),
  'case.need_has_case': e(409, '该需求已有进行中的个案', 'The need already has an open case'),
  'case.client_not_of_need': e(400, '服务对象须是该需求所在户的成员', 'The client must be a member of the need\'s household'),
  'case.wrong_status': e(409, '个案当前状态不能进行此操作', 'The case\'s status does not allow this step'),
  'case.assessment_missing': e(409, '请先完成评估', 'Record the assessment first'),
  'case.unknown_goal': e(400, '计划中没有这个目标', 'The plan has no such goal'),
  'case.results_incomplete': e(400, '请为计划中的每个目标填写结果', 'Give a result for every goal of the plan'),
  'case.same_worker': e(400, '新社工与当前社工相同', 'The new worker is the current one'),
  'case.guardian_consent_required': e(400, '服务对象未满 18 周岁，须由监护人同意', 'The client is a minor: a guardian gives consent'),
  'case.no_consent': e(409, '服务对象尚未同意分享任何信息，不能转介', 'The client has not consented to sharing anything: no referral can be sent'),
  'case.field_without_consent': e(400, '服务对象未同意分享此项信息', 'The client has not consented to sharing this'),
  'case.consent_withdrawn': e(409, '该同意已撤回', 'The consent was withdrawn already'),
  'case.refer_to_own_organization': e(400, '不能转介给本机构', 'A case cannot be referred to its own organization'),
  'case.referral_answered': e(409, '该转介已有回复', 'The referral was answered already'),
  'case.referral_to_organization': e(409, '该转介由接收机构在平台上回复', 'The receiving organization answers this referral on the platform'),
  'case.date_in_future': e(400, '日期不能晚于今天', 'The date cannot be in the future'),
});
