export { syncHandlers } from './sync.handlers';
export { createSyncScheduler, type SyncScheduler, type SchedulerOptions } from './sync-scheduler';
export { DEFAULT_PULL, type PullPolicy } from './sync-pull.service';
export { clientFor } from './sync-clients';
export { connectChannel } from './sync-credentials.service';
export { findApiChannel, listApiChannels, type ApiChannelRow } from './sync.repo';
