import type { Handlers } from '../../dispatch';
import type { AutoPipeline } from './auto-pipeline';

export const pipelineHandlers = (pipeline: AutoPipeline) =>
  ({
    'pipeline.status': () => pipeline.status(),
    'pipeline.run': (_input, call) => pipeline.runNow(call.actor),
  }) satisfies Partial<Handlers>;
