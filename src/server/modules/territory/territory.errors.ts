import { defineErrors } from '../../platform/errors/app-error.ts';

export const territoryErrors = defineErrors({
  'territory.duplicate_code': { status: 409, message: { 'zh-CN': '编码“{code}”已被使用', en: 'The code "{code}" is already in use' } },
  'territory.duplicate_name': { status: 409, message: { 'zh-CN': '名称“{name}”已存在', en: 'The name "{name}" already exists' } },
  'territory.boundary_invalid': {
    status: 400,
    message: { 'zh-CN': '边界须为闭合的 GeoJSON 多边形（[经度, 纬度]）', en: 'The boundary must be a GeoJSON polygon of closed rings of [lng, lat]' },
  },
  'territory.dedicated_to_required': { status: 400, message: { 'zh-CN': '专属网格须填写服务对象', en: 'A dedicated grid needs what it is dedicated to' } },
  'household.duplicate_address': { status: 409, message: { 'zh-CN': '本社区已有该地址的住户', en: 'A household with this address already exists in the community' } },
  'household.move_other_district': { status: 400, message: { 'zh-CN': '住户不能迁到其他区的网格', en: 'A household cannot move to a grid of another district' } },
  'household.building_mismatch': { status: 400, message: { 'zh-CN': '楼栋不属于该社区', en: 'The building is not in this community' } },
  'resident.id_number_format': { status: 400, message: { 'zh-CN': '身份证号应为 18 位（末位可为 X）', en: 'An ID number has 18 characters (the last may be X)' } },
  'resident.id_number_birth_date': { status: 400, message: { 'zh-CN': '身份证号中的出生日期无效', en: 'The birth date in the ID number is not valid' } },
  'resident.id_number_check_digit': { status: 400, message: { 'zh-CN': '身份证号校验位不正确', en: 'The check digit of the ID number is wrong' } },
  'resident.phone_invalid': { status: 400, message: { 'zh-CN': '电话号码格式不正确', en: 'Not a valid phone number' } },
  'resident.unknown_tag': { status: 400, message: { 'zh-CN': '未知的标签：{tag}', en: 'Unknown tag: {tag}' } },
  'resident.duplicate_id_number': { status: 409, message: { 'zh-CN': '本区已登记该身份证号的居民', en: 'A resident with this ID number is already registered in the district' } },
  'resident.second_head': {
    status: 409,
    message: { 'zh-CN': '该户已有户主（{name}），请先修改其与户主关系', en: 'This household already has a head ({name}); change that member’s relation first' },
  },
  'resident.no_phone': { status: 404, message: { 'zh-CN': '该居民未登记电话', en: 'No phone number is recorded for this resident' } },
  'import.job_running': {
    status: 409,
    message: { 'zh-CN': '本社区正在导入另一份登记表，请等它完成后再导入', en: 'Another register is being imported into this community; wait until it is done' },
  },
  'import.job_not_found': { status: 404, message: { 'zh-CN': '导入任务不存在', en: 'Import job not found' } },
  'import.job_interrupted': {
    status: 500,
    message: {
      'zh-CN': '导入中断（服务器已重启）：已写入的批次保留，再次导入同一文件即可补全',
      en: 'The import was interrupted (the server restarted): the batches written stay; import the same file again to complete it',
    },
  },
  'import.job_failed': {
    status: 500,
    message: {
      'zh-CN': '导入在写入时失败：已写入的批次保留，请检查后再次导入同一文件',
      en: 'The import failed while writing: the batches written stay; check the register and import the same file again',
    },
  },
  'import.unsupported_format': {
    status: 415,
    message: {
      'zh-CN': '仅支持 XLSX 文件，或 UTF-8、UTF-16、GB18030（GBK）编码的 CSV／文本文件',
      en: 'Only XLSX files, and CSV or text files in UTF-8, UTF-16 or GB18030 (GBK), are supported',
    },
  },
  'import.unknown_sheet': { status: 400, message: { 'zh-CN': '文件中没有名为“{sheet}”的工作表', en: 'The file has no sheet named "{sheet}"' } },
  'import.id_number_numeric': {
    status: 400,
    message: {
      'zh-CN': '身份证号被 Excel 存成了数字，只保留 15 位有效数字，末几位已丢失：请将该列设为“文本”格式后重新填写',
      en: 'Excel stored the ID number as a number and kept only 15 significant digits, so its last digits are lost: format the column as Text and enter the numbers again',
    },
  },
  'import.id_number_masked': {
    status: 400,
    message: {
      'zh-CN': '身份证号已脱敏，无法据此导入：请导出含完整号码的登记表后再修改',
      en: 'The ID number is masked and cannot be imported: export the register with full numbers to edit it',
    },
  },
  'import.synonym_built_in': { status: 400, message: { 'zh-CN': '“{synonym}”已是内置的标签名称或同义词', en: '"{synonym}" is already a built-in tag name or synonym' } },
  'import.synonym_twice': { status: 400, message: { 'zh-CN': '“{synonym}”出现了两次', en: '"{synonym}" appears twice' } },
  // Not an error of its own: appended to the message of an unknown value that has a near known one.
  'import.did_you_mean': { status: 400, message: { 'zh-CN': '（是否为“{value}”？）', en: ' (did you mean "{value}"?)' } },
  'import.unreadable': { status: 400, message: { 'zh-CN': '文件无法读取：{reason}', en: 'The file could not be read: {reason}' } },
  'import.file_required': { status: 400, message: { 'zh-CN': '请选择要导入的文件', en: 'Choose a file to import' } },
  'import.missing_columns': { status: 400, message: { 'zh-CN': '缺少列：{columns}', en: 'Missing columns: {columns}' } },
  'import.too_many_rows': { status: 400, message: { 'zh-CN': '一次最多导入 {limit} 行', en: 'At most {limit} rows per import' } },
  'import.unknown_grid': { status: 400, message: { 'zh-CN': '网格编码不属于本社区', en: 'No grid of this community has this code' } },
  'import.relation_invalid': { status: 400, message: { 'zh-CN': '与户主关系无法识别', en: 'Unknown relation to the head of household' } },
  'import.unknown_building': { status: 400, message: { 'zh-CN': '楼栋属于其他网格', en: 'The building belongs to another grid' } },
  'import.duplicate_in_file': { status: 400, message: { 'zh-CN': '身份证号在文件第 {line} 行已出现', en: 'The ID number already appears on line {line}' } },
  'import.household_grid_mismatch': {
    status: 400,
    message: { 'zh-CN': '该地址的住户已登记在其他网格', en: 'The household at this address is registered in another grid' },
  },
  'import.resident_elsewhere': {
    status: 400,
    message: { 'zh-CN': '该居民已登记在其他社区，请由所在社区办理迁出', en: 'This resident is registered in another community; it must move them out first' },
  },
});
