import { defineErrors } from '../../platform/errors/app-error.ts';

const e = (status: number, zh: string, en: string) => ({ status, message: { 'zh-CN': zh, en } });

export const worklogErrors = defineErrors({
  'work_log.not_a_social_worker': e(409, '您的账号没有关联社工名册中的在职社工，不能记录工作日志', 'Your account is not linked to an active social worker of the register: there is no work log to keep'),
  'work_log.future_day': e(400, '不能记录今天之后的工作', 'Work cannot be logged for a day after today'),
  'work_log.day_closed': e(409, '超过 31 天的工作日志已归档，不能再修改', 'Work logs older than 31 days are closed and cannot be changed'),
  'work_log.origin_required': e(400, '行政事务须注明交办方', 'Administrative work must say who assigned it'),
  'work_log.origin_not_for_professional': e(400, '专业服务不填交办方和交办任务', 'Professional work has no assigning unit or task'),
  'work_log.task_not_open': e(409, '该任务已撤回，不能再记录时间', 'The task was withdrawn: no time can be logged against it'),
  'work_log.day_too_long': e(400, '一天记录的时间（含个案会谈和活动值班）不能超过 24 小时', 'A day cannot hold more than 24 hours, case sessions and activity shifts included'),
  'work_log.range': e(400, '开始日期须不晚于结束日期，且相隔不超过 {days} 天', 'The start must not be after the end, and at most {days} days apart'),
  'admin_task.community_not_served': e(400, '该社工不服务这个社区', 'The social worker does not serve this community'),
  'admin_task.unknown_matter': e(400, '准入清单中没有这一事项；清单外的任务请选择"清单外"', 'The district\'s list has no such matter; choose "not on the list" for a task outside it'),
  'admin_task.department_by_district': e(403, '只有区级可以代部门交办任务', 'Only the district records tasks on a department\'s behalf'),
  'admin_task.worker_left': e(409, '该社工已离职', 'The social worker has left'),
  'admin_task.not_open': e(409, '该任务已完成或已撤回', 'The task is already done or withdrawn'),
  'supervision.form_mismatch': e(400, '个别督导只有一名被督导者，团体督导至少两名', 'Individual supervision has one supervisee; group supervision two or more'),
  'supervision.not_a_supervisor': e(409, '您的账号没有关联社工名册中的在职社工，不能记录督导', 'Your account is not linked to an active social worker of the register: there is no supervision to record'),
  'supervision.not_on_register': e(409, '您的账号没有关联社工名册中的在职社工，请选择要查看的社工', 'Your account is not linked to an active social worker of the register: choose whose sessions to see'),
  'workforce.date_in_future': e(400, '日期不能晚于今天', 'The date cannot be after today'),
  'workforce_settings.duplicate_matter': e(400, '准入清单中的事项编号不能重复', 'Each matter of the list needs its own code'),
});
