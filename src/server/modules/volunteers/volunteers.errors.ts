import { defineErrors } from '../../platform/errors/app-error.ts';

const e = (status: number, zh: string, en: string) => ({ status, message: { 'zh-CN': zh, en } });

export const volunteerErrors = defineErrors({
  'volunteer.not_registered': e(409, '您还没有登记为志愿者', 'You are not registered as a volunteer'),
  'volunteer.not_a_resident': e(409, '您的账号没有关联居民，请到社区登记为志愿者', 'Your account is not linked to a resident: register as a volunteer at your community'),
  'volunteer.already_registered': e(409, '这位居民已经登记为志愿者', 'This resident is already registered as a volunteer'),
  'volunteer.person_required': e(400, '请选择登记的居民，或填写非本社区居民的姓名和手机号', 'Choose a resident of the register, or give the name and phone of another person'),
  'volunteer.person_twice': e(400, '登记居民时不填写姓名和手机号（以居民档案为准）', 'A resident of the register is named by the register: leave name and phone empty'),
  'volunteer.inactive': e(409, '该志愿者已暂停或退出服务', 'The volunteer is paused or has left'),
  'volunteer.session_not_open': e(409, '该场次已取消或已开始，不能再报名或取消报名', 'The session is cancelled or has started: sign-up is closed'),
  'volunteer.no_volunteers_needed': e(409, '该活动不招募志愿者', 'This activity needs no volunteers'),
  'volunteer.outside_area': e(409, '该活动不在您的服务社区内', 'The activity is outside your service communities'),
  'volunteer.session_full': e(409, '该场次志愿者名额已满', 'The session has all the volunteers it needs'),
  'volunteer.already_signed_up': e(409, '已报名该场次', 'Already signed up for this session'),
  'volunteer.not_signed_up': e(409, '没有报名该场次', 'Not signed up for this session'),
  'volunteer.session_not_started': e(409, '场次开始后才能申报或核实服务时长', 'Hours are claimed or verified once the session has started'),
  'volunteer.session_cancelled': e(409, '该场次已取消，没有服务时长', 'The session was cancelled: there are no hours to record'),
  'volunteer.hours_decided': e(409, '该服务时长已核实或已不通过，不能再更改', 'These hours are already verified or rejected and cannot change'),
  'volunteer.hours_claimed': e(409, '该场次的服务时长已申报，等待组织方核实', 'Hours for this session are already claimed and wait for the organizer'),
  'volunteer.verify_one_of': e(400, '每位志愿者填写核实的时长或不通过的理由，二选一', 'Give each volunteer either the minutes verified or a reason for rejecting'),
  'volunteer.nothing_to_reject': e(400, '该志愿者没有申报这一场的服务时长，无需不通过；未到岗的不必核实', 'This volunteer claimed no hours for the session: there is nothing to reject (leave out who did not come)'),
  'volunteer.listed_twice': e(400, '同一位志愿者只能出现一次', 'Each volunteer may appear once'),
  'volunteer.star_hours_order': e(400, '星级门槛须逐级递增', 'Star thresholds must increase'),
  'timebank.insufficient_points': e(409, '积分不足：当前余额 {balance}，需要 {points}', 'Not enough points: the balance is {balance}, {points} are needed'),
  'timebank.offer_closed': e(409, '该兑换项目已下架', 'This offer is withdrawn'),
  'timebank.out_of_stock': e(409, '该兑换项目已兑完', 'This offer is out of stock'),
  'timebank.offer_elsewhere': e(409, '该兑换项目不在您的社区或服务社区', 'This offer is not in your community or your service communities'),
  'timebank.not_requested': e(409, '该兑换已确认、拒绝或取消', 'This redemption is already confirmed, declined or cancelled'),
  'timebank.partner_elsewhere': e(400, '合作商家须属于同一社区', 'The partner shop must belong to the same community'),
  'timebank.partner_inactive': e(409, '该合作商家已停用', 'This partner shop is inactive'),
  'timebank.unknown_username': e(400, '没有用户名为 {username} 的账号', 'There is no account named {username}'),
});
