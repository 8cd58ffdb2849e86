// Indicator monitoring math (domain-rules §9): pure functions, no I/O. See README.md in this folder.
export * from './target-kind.ts';
export * from './schedule.ts';
export * from './completion.ts';
export * from './status.ts';
export * from './forecast.ts';
export * from './evaluate.ts';
