import type { BridgeConfig } from '../config/schema.js';
import { chooseWindow } from '../influx/window.js';
import type { Logger } from '../log/logger.js';
import { createInfluxSource, metricOptionsFor } from '../pipeline/create-parts.js';
import { buildPeriodReport } from '../pipeline/period-report.js';
import { formatPeriodReport } from '../pipeline/report-text.js';
import type { CliIo } from './cli-io.js';
import { EXIT } from './exit-codes.js';
import { parseIsoTime, UsageError } from './usage.js';

export interface ReportCommandOptions {
  config: BridgeConfig;
  logger: Logger;
  io: CliIo;
  from: string;
  to: string | undefined;
  json: boolean;
}

/** `report --from --to [--json]`: every period metric for the range, from InfluxDB. */
export async function reportCommand(options: ReportCommandOptions): Promise<number> {
  const { config, io } = options;
  const from = parseIsoTime(options.from, '--from');
  const to = options.to !== undefined ? parseIsoTime(options.to, '--to') : Date.now();
  if (!(to > from)) throw new UsageError('--to must be after --from');
  const source = createInfluxSource(config);
  await source.start();
  try {
    const windowMs = chooseWindow({
      from,
      to,
      minWindowMs: config.source.sample_interval_seconds * 1000,
      maxPoints: 20_000,
    });
    const result = await source.fetch({ from, to, windowMs });
    const report = buildPeriodReport({
      series: result.series,
      from,
      to,
      windowMs,
      rows: result.rows,
      sourceKind: source.kind,
      brand: config.brand,
      layout: config.source.layout,
      issues: result.issues,
      options: metricOptionsFor(config),
    });
    io.stdout.write(
      options.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatPeriodReport(report)}\n`,
    );
    return EXIT.ok;
  } finally {
    await source.stop();
  }
}
