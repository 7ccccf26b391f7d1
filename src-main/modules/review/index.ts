export { reviewHandlers } from './review.handlers';
export { runReview } from './review.service';
export { compileRules, evaluate, type RuleDef, type Verdict } from './review-engine';
export { loadFacts } from './review-facts';
