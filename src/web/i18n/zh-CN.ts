import everyday from './zh-CN.everyday.ts';
import office from './zh-CN.office.ts';

/** All Chinese texts; the app fetches them in two parts (see index.ts), tests read them whole. */
const zhCN = { ...everyday, ...office };

export default zhCN;
export type Catalogue = typeof zhCN;
