// Public API of the plan-document parser (pure: bytes in, ParsedPlan out, no I/O).
export * from './model.ts';
export { decodePlanText, textToBlocks } from './text-blocks.ts';
export { docxToBlocks } from './docx-blocks.ts';
export { parsePlanBlocks, type ParseOptions } from './parse-plan.ts';
export { readPlanDocument, MAX_PLAN_BYTES } from './read-plan-document.ts';
