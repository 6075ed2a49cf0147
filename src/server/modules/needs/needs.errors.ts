import { defineErrors } from '../../platform/errors/app-error.ts';

export const needsErrors = defineErrors({
  'need.invalid_transition': {
    status: 409,
    message: {
      'zh-CN': '该需求当前状态为“{state}”，不能执行“{action}”',
      en: 'The need is {state}; "{action}" is not possible in that state',
    },
  },
  'need.unknown_category': { status: 400, message: { 'zh-CN': '该需求类别已停用', en: 'The category is no longer in use' } },
  'need.place_required': {
    status: 400,
    message: { 'zh-CN': '请选择户，或选择网格并标注位置', en: 'Choose a household, or a grid with a point on the map' },
  },
  'need.unknown_resident': { status: 400, message: { 'zh-CN': '该居民不在此户', en: 'The resident does not belong to this household' } },
  'need.channel_required': {
    status: 400,
    message: { 'zh-CN': '代录需求须注明来电或来访', en: 'A need taken on behalf of a resident needs its channel (phone or walk-in)' },
  },
  'need.bad_duplicate': {
    status: 400,
    message: { 'zh-CN': '请选择本区另一条未办结的需求作为合并对象', en: 'Choose another open need of the same district to merge into' },
  },
  'need.one_referral_target': {
    status: 400,
    message: { 'zh-CN': '请选择一个转介对象：社会组织或部门', en: 'Choose one referral target: an organization or a department' },
  },
  'need.bad_common_need': {
    status: 400,
    message: {
      'zh-CN': '请选择同一社区（或网格）、同一类别且未立项的共性需求',
      en: 'Choose an open common need of the same community (or grid) and category',
    },
  },
  'need.bad_bbox': {
    status: 400,
    message: {
      'zh-CN': '地图范围应为“最小经度,最小纬度,最大经度,最大纬度”，且最小值小于最大值',
      en: 'The map area must be "minLng,minLat,maxLng,maxLat" with each minimum below its maximum',
    },
  },
  'need.date_in_past': { status: 400, message: { 'zh-CN': '预计日期不能早于今天', en: 'The expected date cannot be in the past' } },
  'need_category.duplicate_code': { status: 409, message: { 'zh-CN': '本区已有该代码的类别', en: 'The district already has a category with this code' } },
  'need_category.duplicate_open311': {
    status: 409,
    message: { 'zh-CN': '本区已有类别使用该 Open311 服务代码', en: 'Another category of the district uses this Open311 service code' },
  },
  'need.cannot_split': {
    status: 409,
    message: {
      'zh-CN': '该需求当前状态为“{state}”，只有待受理或已受理的需求可以拆分',
      en: 'The need is {state}; only reported or accepted needs can be split',
    },
  },
  'attachment.limit_reached': {
    status: 409,
    message: { 'zh-CN': '每条需求最多 {limit} 个附件', en: 'A need can have at most {limit} attachments' },
  },
  'attachment.need_closed': {
    status: 409,
    message: { 'zh-CN': '该需求已结束（“{state}”），不能再添加附件', en: 'The need is finished ({state}); no more attachments can be added' },
  },
  'calendar.not_a_date': { status: 400, message: { 'zh-CN': '日期无效', en: 'Invalid date' } },
  'calendar.not_edited': {
    status: 404,
    message: { 'zh-CN': '该日期没有本地调整，已按国家安排执行', en: 'This date has no local edit; it already follows the national calendar' },
  },
});
