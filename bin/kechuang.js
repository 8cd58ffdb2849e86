#!/usr/bin/env node
// Thin launcher so `npx kechuang …` runs the TypeScript CLI in-process through tsx, without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
