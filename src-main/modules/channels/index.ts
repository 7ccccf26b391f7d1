export { channelsHandlers } from './channels.handlers';
export {
  listChannels,
  findChannelByCode,
  insertChannel,
  orderCountsByChannel,
  watchedChannels,
  type ChannelRow,
  type WatchedChannel,
} from './channels.repo';
