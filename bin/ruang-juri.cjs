#!/usr/bin/env node
// Runs the TypeScript CLI directly (through tsx), so a fresh clone needs no build step for it.
'use strict';
// tsx looks for tsconfig.json (and its @shared/* paths) in the working folder unless told: point it at
// ours, so `ruang-juri` works from any folder.
process.env.TSX_TSCONFIG_PATH ||= require('node:path').join(__dirname, '..', 'tsconfig.json');
require('tsx/cjs/api').register();
const { main } = require('../electron/core/cli/main.ts');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
