import type { Handlers } from '../../dispatch';
import type { CoreContext } from '../../core-context';
import type { AutoPipeline } from './auto-pipeline';
import { runPipelinePass } from './pipeline-pass';

export const pipelineHandlers = (ctx: CoreContext, pipeline: AutoPipeline) =>
  ({
    'pipeline.status': () => pipeline.status(),
    'pipeline.pass': (_input, call) => runPipelinePass(ctx, call.actor),
    'pipeline.run': (_input, call) => pipeline.runNow(call.actor),
  }) satisfies Partial<Handlers>;
