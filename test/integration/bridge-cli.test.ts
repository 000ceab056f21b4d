/**
 * The `heatpump-bridge` executable as users run it, against a real InfluxDB 2.x and a real Home
 * Assistant: `run` publishes, keeps running while InfluxDB is stopped, publishes again once it is
 * back, and exits 0 soon after SIGTERM; `backfill` imports hourly energy into HA's long-term
 * statistics and re-running it (whole or in part) changes no sum.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Connection, HassEntity } from 'home-assistant-js-websocket';
import { connectHomeAssistant } from '../harness/ha-socket.js';
import { startHomeAssistant, type HomeAssistantInstance } from '../harness/home-assistant.js';
import { startRestartableInfluxV2, type RestartableInflux } from '../bridge/fixtures/restartable-influx.js';
import { logRecords, runBridge, spawnBridge } from '../bridge/fixtures/spawn-bridge.js';

const H = 3_600_000;
const DAY = 24 * H;
const NOW = Date.now();
/** Backfill range: two whole UTC days, ending three days ago. */
const B0 = Math.floor(NOW / DAY) * DAY - 5 * DAY;
const B1 = B0 + 2 * DAY;

/** Thermia husdata lines every `stepS` s over [from, to): running, 40/35 °C, 2000 W. */
function thermiaLines(from: number, to: number, outdoor: number, stepS = 30): string[] {
  const out: string[] = [];
  for (let t = Math.ceil(from / 1000 / stepS) * stepS; t * 1000 < to; t += stepS) {
    out.push(
      `heatpump,register_id=0007,name=outdoor_temp,type=temperature,unit=°C value=${outdoor} ${t}`,
      `heatpump,register_id=0002,name=radiator_forward,type=temperature,unit=°C value=40 ${t}`,
      `heatpump,register_id=0001,name=radiator_return,type=temperature,unit=°C value=35 ${t}`,
      `heatpump,register_id=1A01,name=compressor_status,type=status value=1 ${t}`,
      `heatpump,register_id=1A07,name=switch_valve_status,type=status value=0 ${t}`,
      `heatpump,register_id=CFAA,name=power_consumption,type=power,unit=W value=2000 ${t}`,
      `heatpump,register_id=1A20,name=alarm_status,type=alarm value=0 ${t}`,
      `heatpump,register_id=2A91,name=alarm_code,type=alarm value=0 ${t}`,
    );
  }
  return out;
}

async function waitFor<T>(what: string, fn: () => Promise<T | undefined>, timeoutMs: number): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => undefined);
    if (v !== undefined) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('heatpump-bridge executable against real InfluxDB and Home Assistant', () => {
  let influx: RestartableInflux;
  let ha: HomeAssistantInstance;
  let conn: Connection;
  let env: Record<string, string>;

  before(async () => {
    [influx, ha] = await Promise.all([startRestartableInfluxV2(), startHomeAssistant()]);
    conn = await connectHomeAssistant({ url: ha.url, token: ha.token });
    const lines = [...thermiaLines(NOW - 3 * H, NOW, -3), ...thermiaLines(B0 - H, B1, -5)];
    for (let i = 0; i < lines.length; i += 20_000) await influx.write(lines.slice(i, i + 20_000).join('\n'));
    env = {
      INFLUXDB_URL: influx.url,
      INFLUXDB_TOKEN: influx.token,
      INFLUXDB_ORG: influx.org,
      INFLUXDB_BUCKET: influx.bucket,
      HEATPUMP_BRAND: 'thermia',
      HA_URL: ha.url,
      HA_TOKEN: ha.token,
      TZ: 'UTC',
    };
  });

  after(async () => {
    conn?.close();
    await Promise.allSettled([influx?.close(), ha?.stop()]);
  });

  async function state(entityId: string): Promise<string | undefined> {
    const list = await conn.sendMessagePromise<HassEntity[]>({ type: 'get_states' });
    return list.find((s) => s.entity_id === entityId)?.state;
  }

  it('run: publishes, survives InfluxDB being stopped, publishes again, exits 0 on SIGTERM', async () => {
    const proc = spawnBridge(['run'], {
      ...env,
      HEATPUMP_BRIDGE__PUBLISH__INTERVAL_SECONDS: '2',
      HEATPUMP_BRIDGE__HOMEASSISTANT__HEARTBEAT_SECONDS: '2',
    });
    try {
      const outdoor = 'sensor.heatpump_outdoor_temp';
      await waitFor(
        'the first publish',
        async () => ((await state(outdoor)) === '-3' ? true : undefined),
        90_000,
      );
      assert.equal(await state('sensor.heatpump_cop_today'), '6.75');

      await influx.down();
      const failed = await waitFor(
        'a failed cycle',
        async () => logRecords(proc).find((r) => r.msg === 'cycle failed'),
        30_000,
      );
      assert.match(String(failed.err), /InfluxDB|Flux query failed/);
      await new Promise((r) => setTimeout(r, 3_000));
      assert.equal(proc.exitInfo(), undefined, 'still running with InfluxDB down');

      await influx.up();
      // New data after the restart: outdoor 7 °C from 3 min ago on.
      const t = Date.now();
      await influx.write(thermiaLines(t - 3 * 60_000, t + 60_000, 7, 10).join('\n'));
      await waitFor(
        'a publish after the restart',
        async () => ((await state(outdoor)) === '7' ? true : undefined),
        90_000,
      );
      // The log line may land just after the publish it belongs to.
      await waitFor(
        'the recovery logged',
        async () => logRecords(proc).find((r) => r.msg === 'recovered'),
        10_000,
      );

      const stopAt = Date.now();
      proc.child.kill('SIGTERM');
      const exit = await Promise.race([
        proc.exited,
        new Promise<undefined>((r) => setTimeout(() => r(undefined), 5_000)),
      ]);
      assert.ok(exit !== undefined, 'exited within 5 s of SIGTERM');
      assert.deepEqual([exit.code, exit.signal], [0, null]);
      assert.ok(Date.now() - stopAt < 5_000);
      const msgs = logRecords(proc).map((r) => r.msg);
      assert.ok(msgs.includes('stopping') && msgs.includes('stopped'), msgs.slice(-5).join(' | '));
      const log = readFileSync(proc.logFile, 'utf8');
      assert.ok(!log.includes(ha.token) && !log.includes(influx.token), 'no token in the logs');
    } finally {
      await proc.stop(2_000);
    }
  });

  type Stat = { start: number; sum?: number; mean?: number };
  async function statistics(key: string, types: string[]): Promise<Stat[]> {
    const id = `heatpump:backfill_${key}`;
    const r = await conn.sendMessagePromise<Record<string, Stat[]>>({
      type: 'recorder/statistics_during_period',
      start_time: new Date(B0).toISOString(),
      end_time: new Date(B1).toISOString(),
      statistic_ids: [id],
      period: 'hour',
      types,
    });
    return r[id] ?? [];
  }
  /** Waits until the recorder has worked off its queue (imports are asynchronous), then a commit. */
  async function recorderIdle(): Promise<void> {
    await waitFor(
      'an idle recorder',
      async () =>
        (await conn.sendMessagePromise<{ backlog: number | null }>({ type: 'recorder/info' })).backlog === 0
          ? true
          : undefined,
      30_000,
    );
    await new Promise((r) => setTimeout(r, 2_000));
  }
  const sums = async (key: string) =>
    (await statistics(key, ['sum'])).map((s) => Math.round((s.sum ?? NaN) * 1e6) / 1e6);
  const expected = (perHour: number) =>
    Array.from({ length: 48 }, (_, i) => Math.round(perHour * (i + 1) * 1e6) / 1e6);

  it('backfill: hourly energy lands in long-term statistics; re-runs do not double count', async () => {
    const benv = { ...env, HEATPUMP_BRIDGE__PUBLISH__DEVICE_SLUG: 'backfill' };
    const from = new Date(B0).toISOString().slice(0, 10);
    const to = new Date(B1).toISOString().slice(0, 10);
    const first = await runBridge(['backfill', '--from', from, '--to', to], benv);
    assert.equal(first.code, 0, first.output);
    assert.match(
      first.output,
      new RegExp(
        `backfill: 48 hours imported from ${new Date(B0).toISOString()} to ${new Date(B1).toISOString()}`,
      ),
    );
    await waitFor(
      '48 imported hours',
      async () => ((await statistics('electrical_energy', ['sum'])).length === 48 ? true : undefined),
      30_000,
    );
    await recorderIdle();
    // 2000 W -> 2 kWh per hour; flow factor 2.7 kW/K x 5 K -> 13.5 kWh; COP 6.75.
    assert.deepEqual(await sums('electrical_energy'), expected(2));
    assert.deepEqual(await sums('heat_energy'), expected(13.5));
    const cop = await statistics('cop', ['mean']);
    assert.equal(cop.length, 48);
    assert.ok(cop.every((s) => s.mean === 6.75));

    const again = await runBridge(['backfill', '--from', from, '--to', to, '--no-progress'], benv);
    assert.equal(again.code, 0, again.output);
    await recorderIdle();
    assert.deepEqual(await sums('electrical_energy'), expected(2), 'same range again');

    const secondDay = new Date(B0 + DAY).toISOString().slice(0, 10);
    const part = await runBridge(['backfill', '--from', secondDay, '--to', to, '--no-progress'], benv);
    assert.equal(part.code, 0, part.output);
    assert.match(part.output, /backfill: 24 hours imported/);
    await recorderIdle();
    assert.deepEqual(await sums('electrical_energy'), expected(2), 'second day again continues from day one');
    assert.deepEqual(await sums('heat_energy'), expected(13.5));
    assert.ok(!(first.output + again.output + part.output).includes(ha.token), 'no token in the output');
  });
});
