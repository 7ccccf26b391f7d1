export { createAutoPipeline, type AutoPipeline, type AutoPipelineOptions } from './auto-pipeline';
export { pipelineHandlers } from './pipeline.handlers';
