import everyday from './en.everyday.ts';
import office from './en.office.ts';

/** All English texts; the app fetches them in two parts (see index.ts), tests read them whole. */
const en = { ...everyday, ...office };

export default en;
