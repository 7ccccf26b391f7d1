import type { Command } from '../cli-env';
import { backupCommand, checkCommand, restoreCommand } from './database.command';
import { importCommand } from './import.command';
import { labelCommand } from './label.command';
import { ordersCommand } from './orders.command';
import { reviewCommand } from './review.command';
import { routeCommand } from './route.command';
import { serveCommand } from './serve.command';

export const COMMANDS: Command[] = [serveCommand, ordersCommand, reviewCommand, routeCommand, importCommand, backupCommand, restoreCommand, checkCommand, labelCommand];
