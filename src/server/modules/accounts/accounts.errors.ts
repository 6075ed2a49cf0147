import { defineErrors } from '../../platform/errors/app-error.ts';

export const accountsErrors = defineErrors({
  'auth.invalid_credentials': { status: 401, message: { 'zh-CN': '用户名或密码错误', en: 'Wrong username or password' } },
  // sign-in and password change; {minutes} is the Retry-After rounded up
  'auth.too_many_attempts': { status: 429, message: { 'zh-CN': '失败次数过多，请 {minutes} 分钟后再试', en: 'Too many failed attempts; try again in {minutes} min' } },
  'auth.wrong_password': { status: 400, message: { 'zh-CN': '当前密码不正确', en: 'The current password is wrong' } },
  'auth.weak_password': { status: 400, message: { 'zh-CN': '密码至少 10 位，且需同时包含字母和数字', en: 'Use at least 10 characters with both letters and digits' } },
  'user.username_taken': { status: 409, message: { 'zh-CN': '该用户名已被使用', en: 'This username is taken' } },
  'user.invalid_scope': { status: 400, message: { 'zh-CN': '该角色不能在此范围内授予', en: 'This role cannot be granted in this scope' } },
  'user.role_already_granted': { status: 409, message: { 'zh-CN': '该用户已在此范围内拥有该角色', en: 'The user already holds this role in this scope' } },
  'user.resident_not_found': { status: 400, message: { 'zh-CN': '该户中没有这位居民', en: 'No such resident in this household' } },
});
