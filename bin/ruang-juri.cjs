#!/usr/bin/env node
// Runs the TypeScript CLI directly (through tsx), so a fresh clone needs no build step for it.
'use strict';
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
