#!/usr/bin/env node
import { Command } from 'commander';
import { VERSION } from '../../src/version.js';

const program = new Command('heatpump-bridge')
  .description('Reads heat pump data from InfluxDB, computes COP, runtime and energy flows, and publishes them to Home Assistant.')
  .version(VERSION);

program.parseAsync(process.argv).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
