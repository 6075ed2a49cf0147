import { defineErrors } from '../../platform/errors/app-error.ts';

const e = (status: number, zh: string, en: string) => ({ status, message: { 'zh-CN': zh, en } });

export const servicesErrors = defineErrors({
  'activity.project_not_in_delivery': e(409, '该项目未处于实施中，不能为其安排活动', 'The project is not in delivery: no activity can be held for it'),
  'activity.project_not_contracted_to': e(400, '该项目不由此机构承接', 'The project is not contracted to this organization'),
  'activity.project_place': e(400, '活动社区不在该项目的服务范围内', 'The community is not one the project serves'),
  'activity.venue_not_venue': e(400, '所选资源不是场地', 'The resource chosen is not a venue'),
  'activity.staff_needs_organization': e(400, '社区自办活动不指派机构社工', 'A community\'s own activity has no organization staff'),
  'activity.recurrence_count': e(400, '一次性活动只能有一场', 'A one-off activity has exactly one session'),
  'activity.cancelled': e(409, '活动已取消', 'The activity is cancelled'),
  'activity.session_cancelled': e(409, '该场次已取消', 'The session is cancelled'),
  'activity.session_over': e(409, '该场次已结束，不能报名或取消报名', 'The session is over: registrations are closed'),
  'activity.full': e(409, '名额已满', 'The session is full'),
  'activity.already_registered': e(409, '已报名该场次', 'Already registered for this session'),
  'activity.not_registered': e(409, '尚未报名该场次', 'Not registered for this session'),
  'activity.attended': e(409, '已签到，不能取消报名', 'Signed in already: the registration stays'),
  'activity.already_signed_in': e(409, '已签到', 'Already signed in'),
  'activity.not_signed_in': e(409, '尚未签到', 'Not signed in'),
  'activity.check_in_closed': e(409, '签到时间为活动开始前 30 分钟至结束', 'Sign-in is open from 30 minutes before the start until the end'),
  'activity.wrong_code': e(400, '签到码不正确，请核对现场公布的签到码', 'The code is wrong: check the code shown at the venue'),
  'activity.not_household_member': e(400, '只能为本户成员报名、签到和评价', 'Only members of your own household'),
  'activity.not_attended': e(409, '只有参加了活动的居民才能评价', 'Only residents who attended can rate'),
  'activity.already_rated': e(409, '已评价该场次', 'Already rated this session'),
  'activity.feedback_given': e(409, '已有评价，不能撤销签到', 'Feedback was given: the attendance stays'),
});
