import type { Command } from '../cli-env';
import { backupCommand, checkCommand, restoreCommand } from './database.command';
import { ordersCommand } from './orders.command';
import { reviewCommand } from './review.command';
import { serveCommand } from './serve.command';

export const COMMANDS: Command[] = [serveCommand, ordersCommand, reviewCommand, backupCommand, restoreCommand, checkCommand];
