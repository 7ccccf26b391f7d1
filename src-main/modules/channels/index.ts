export { channelsHandlers } from './channels.handlers';
export {
  listChannels,
  findChannelByCode,
  insertChannel,
  orderCountsByChannel,
  type ChannelRow,
} from './channels.repo';
