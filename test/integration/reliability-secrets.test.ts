/**
 * Tokens never reach a log: every log the suite captured under test-results/logs (bridge runs,
 * InfluxDB, Home Assistant, from this run and earlier ones) is grepped for the fixed test secrets,
 * and bridge logs also for anything shaped like an HA access token (a JWT). This file first runs
 * the bridge itself with known secrets against services that refuse it, so there is always at
 * least one fresh bridge log with secrets in its configuration to check.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { INFLUX_V2_DEFAULTS } from '../harness/influxdb.js';
import { TEST_USER } from '../harness/home-assistant-onboarding.js';
import { LOG_DIR } from '../harness/process.js';
import { runBridge } from '../bridge/fixtures/spawn-bridge.js';

/** Shaped like an HA long-lived token (header.payload.signature, base64url). */
const FAKE_HA_TOKEN =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJyZWxpYWJpbGl0eS1zZWNyZXRzIn0.c2VjcmV0LXNpZ25hdHVyZS1mb3ItdGVzdHM';
const FAKE_INFLUX_TOKEN = 'reliability-secret-influx-token-4711';
const JWT = /eyJ[\w-]{10,}\.eyJ[\w-]{10,}\.[\w-]{10,}/;

const KNOWN_SECRETS = [
  INFLUX_V2_DEFAULTS.token,
  INFLUX_V2_DEFAULTS.password,
  TEST_USER.password,
  FAKE_HA_TOKEN,
  FAKE_INFLUX_TOKEN,
  'definitely-wrong-token',
];

describe('reliability: secrets in logs', () => {
  it('the bridge with secrets in its config against refusing services logs no secret', async () => {
    const env = {
      INFLUXDB_URL: 'http://127.0.0.1:1',
      INFLUXDB_TOKEN: FAKE_INFLUX_TOKEN,
      INFLUXDB_ORG: 'o',
      INFLUXDB_BUCKET: 'b',
      HA_URL: 'http://127.0.0.1:1',
      HA_TOKEN: FAKE_HA_TOKEN,
      HEATPUMP_BRIDGE__LOG__LEVEL: 'trace',
    };
    const check = await runBridge(['check'], env, 30_000);
    assert.equal(check.code, 1, check.output);
    assert.match(check.output, /not reachable|FAILED/);
    const report = await runBridge(['report', '--from', '2025-01-01', '--to', '2025-01-02'], env, 30_000);
    assert.notEqual(report.code, 0);
    for (const out of [check.output, report.output]) {
      for (const secret of [FAKE_HA_TOKEN, FAKE_INFLUX_TOKEN]) assert.ok(!out.includes(secret));
    }
  });

  it('no captured log under test-results/logs contains a known test secret or an HA token', () => {
    const files = readdirSync(LOG_DIR).filter((f) => f.endsWith('.log'));
    const bridgeLogs = files.filter((f) => f.startsWith('bridge-'));
    assert.ok(bridgeLogs.length >= 2, `bridge logs to check: ${bridgeLogs.length}`);
    const leaks: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(LOG_DIR, file), 'utf8');
      for (const secret of KNOWN_SECRETS)
        if (text.includes(secret)) leaks.push(`${file}: ${secret.slice(0, 6)}…`);
      if (file.startsWith('bridge-') && JWT.test(text)) leaks.push(`${file}: an HA access token`);
    }
    console.log(
      `secrets: ${files.length} logs checked (${bridgeLogs.length} bridge logs), ${leaks.length} leaks`,
    );
    assert.deepEqual(leaks, []);
  });
});
