export { intakeHandlers } from './intake.handlers';
export { importFile, parseImportFile, type ImportRequest, type ImportResult } from './intake.service';
export { IMPORT_FORMATS, type ImportFormat, type ParsedOrder } from './intake.types';
export { orderWriter, shippedOnChannel } from './order-write';
export { PACKDESK_COLUMNS, CHANNEL_CODE } from './packdesk.layout';
export { scanFolder, type FolderFileOutcome } from './folder-watch';
export { manualEntryHandlers } from './manual-entry.handlers';
export { createFolderWatcher, type FolderWatcher, type FolderWatcherOptions } from './folder-watcher';
export { folderHandlers } from './folder.handlers';
