import { z } from 'zod';
import { read, task, write } from './define';
import { isoDate } from './common.schema';

const passCounts = {
  review: z.object({
    approved: z.number().int(),
    held: z.number().int(),
    blocked: z.number().int(),
    unchanged: z.number().int(),
  }),
  routing: z.object({
    allocated: z.number().int(),
    backordered: z.number().int(),
    exception: z.number().int(),
  }),
};

/** One pass of the automatic pipeline: review the pending orders, then route the approved ones. */
export const pipelineRun = z.object({
  at: isoDate,
  /** 'auto' when a new order, an approval or a routing change set it off; else who pressed the button. */
  actor: z.string(),
  ...passCounts,
  /** Why the run stopped, or null when both steps succeeded. */
  error: z.string().nullable(),
});
export type PipelineRun = z.infer<typeof pipelineRun>;

export const pipelineContract = {
  'pipeline.status': read(
    'Whether review and routing run by themselves, whether a run is going on, and the last run',
    z.object({}).strict(),
    z.object({ auto: z.boolean(), running: z.boolean(), last: pipelineRun.nullable() }),
  ),
  'pipeline.pass': write(
    'Review the pending orders, then route the approved ones, in one transaction (what pipeline.run runs)',
    z.object({}).strict(),
    z.object({ ...passCounts, reviewSeconds: z.number(), seconds: z.number() }),
  ),
  'pipeline.run': task(
    'Run review, then routing, now (after any run already going on)',
    z.object({}).strict(),
    pipelineRun,
  ),
} as const;
