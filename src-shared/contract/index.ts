import type { z } from 'zod';
import { joinContracts, type OpDef } from './define';
import { printingContract } from './printing.contract';
import { customersContract } from './customers.contract';
import { catalogContract } from './catalog.contract';
import { documentsContract } from './documents.contract';
import { intakeContract } from './intake.contract';
import { inventoryContract } from './inventory.contract';
import { ordersContract } from './orders.contract';
import { fulfillmentContract } from './fulfillment.contract';
import { reviewContract } from './review.contract';
import { routingContract } from './routing.contract';
import { settingsContract } from './settings.contract';
import { systemContract } from './system.contract';
import { syncContract } from './sync.contract';
import { outboxContract } from './outbox.contract';
import { pipelineContract } from './pipeline.contract';
import { waybillContract } from './waybill.contract';

export const contract = joinContracts(
  ordersContract,
  settingsContract,
  systemContract,
  reviewContract,
  inventoryContract,
  documentsContract,
  routingContract,
  intakeContract,
  customersContract,
  printingContract,
  syncContract,
  fulfillmentContract,
  catalogContract,
  outboxContract,
  pipelineContract,
  waybillContract,
);

export type Contract = typeof contract;
export type OpName = keyof Contract & string;
export type OpInput<K extends OpName> = z.input<Contract[K]['input']>;
export type OpParsedInput<K extends OpName> = z.output<Contract[K]['input']>;
export type OpOutput<K extends OpName> = z.output<Contract[K]['output']>;

export const opNames = Object.keys(contract) as OpName[];
export const isOpName = (name: unknown): name is OpName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);
export const opDef = (name: OpName): OpDef => contract[name];

export * from './events.contract';
export { describeIssues } from './define';
