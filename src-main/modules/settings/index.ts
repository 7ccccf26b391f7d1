export { settingsHandlers } from './settings.handlers';
export { readSettings, writeSetting } from './settings.repo';
