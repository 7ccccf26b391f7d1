import type { Command } from '../cli-env';
import { backupCommand, checkCommand, restoreCommand } from './database.command';
import { benchCommand } from './bench.command';
import { demoCommand } from './demo.command';
import { importCommand } from './import.command';
import { labelCommand } from './label.command';
import { ordersCommand } from './orders.command';
import { reviewCommand } from './review.command';
import { routeCommand } from './route.command';
import { serveCommand } from './serve.command';
import { shipCommand } from './ship.command';

export const COMMANDS: Command[] = [
  serveCommand,
  ordersCommand,
  reviewCommand,
  routeCommand,
  demoCommand,
  benchCommand,
  importCommand,
  backupCommand,
  restoreCommand,
  checkCommand,
  labelCommand,
  shipCommand,
];
