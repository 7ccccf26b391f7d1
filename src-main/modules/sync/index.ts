export { syncHandlers } from './sync.handlers';
export { createSyncScheduler, type SyncScheduler, type SchedulerOptions } from './sync-scheduler';
export { DEFAULT_PULL, type PullPolicy } from './sync-pull.service';
