export { settingsHandlers } from './settings.handlers';
export { readSettings, writeSetting } from './settings.repo';
export { checkSupervisorPin } from './supervisor-pin';
export { boxByCode } from './boxes';
