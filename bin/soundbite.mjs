#!/usr/bin/env node
// Entry point for `npx soundbite` and `npm start`: load TypeScript through tsx, then hand over.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/main.ts');
process.exitCode = await main(process.argv.slice(2));
