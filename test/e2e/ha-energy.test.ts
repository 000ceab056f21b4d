/**
 * HA's energy dashboard on the bridge's numbers: `heatpump-bridge backfill` (the executable, as users
 * run it) imports hourly energy from InfluxDB; `recorder/statistics_during_period` returns those
 * hours with the simulated meters' energy; with the external statistic set as a device in the energy
 * preferences, `energy/validate` reports no issue. The live sensor the running bridge publishes
 * validates as well once HA has compiled its first statistics.
 *
 *   node --import tsx --test --test-concurrency=1 test/e2e/ha-energy.test.ts
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Connection } from 'home-assistant-js-websocket';
import { statisticId } from '../../bridge/publish/statistics.js';
import { runBridge } from '../bridge/fixtures/spawn-bridge.js';
import { connectHomeAssistant } from '../harness/ha-socket.js';
import { startHomeAssistant, type HomeAssistantInstance } from '../harness/home-assistant.js';
import { startInfluxV2, type InfluxV2Server } from '../harness/influxdb.js';
import { bridgeConfig, startBridge, type PumpSetup, type RunningBridge } from './support/bridge.js';
import {
  createBucket,
  seedSimulated,
  winterSimulation,
  type SeedResult,
} from './support/simulated-influx.js';
import { recorderIdle, statisticsDuringPeriod, waitFor, type StatisticsRow } from './support/ws.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PUMP: PumpSetup = { brand: 'thermia', bucket: 'thermia', device: 'heatpump', deviceName: 'Heat pump' };
const ELECTRICAL = statisticId('heatpump', 'electrical_energy');
const HEAT = statisticId('heatpump', 'heat_energy');
const COP = statisticId('heatpump', 'cop');
const LIVE_SENSOR = 'sensor.heatpump_electrical_energy_total';
/** Three whole UTC days before today. */
const TODAY = Math.floor(Date.now() / DAY) * DAY;
const B0 = TODAY - 3 * DAY;
const B1 = TODAY;

interface ValidationIssue {
  type: string;
  affected_entities: Array<[string, unknown]>;
}
interface Validation {
  energy_sources: ValidationIssue[][];
  device_consumption: ValidationIssue[][];
}

let influx: InfluxV2Server;
let ha: HomeAssistantInstance;
let conn: Connection;
let seed: SeedResult;
let bridge: RunningBridge | undefined;
/** Hourly electrical sums right after the backfill. */
let backfilled: number[] = [];

const round = (v: number, d = 3): number => Math.round(v * 10 ** d) / 10 ** d;

async function hourly(id: string, types: string[]): Promise<StatisticsRow[]> {
  return (
    (await statisticsDuringPeriod(conn, { ids: [id], from: B0, to: B1, period: 'hour', types }))[id] ?? []
  );
}

function savePrefs(devices: string[]): Promise<unknown> {
  return conn.sendMessagePromise({
    type: 'energy/save_prefs',
    energy_sources: [],
    device_consumption: devices.map((stat_consumption) => ({ stat_consumption })),
  });
}

describe("HA's energy dashboard on the bridge's statistics", { timeout: 900_000 }, () => {
  before(
    async () => {
      [influx, ha] = await Promise.all([startInfluxV2(), startHomeAssistant({ extraConfig: 'energy:\n' })]);
      conn = await connectHomeAssistant({ url: ha.url, token: ha.token });
      await createBucket(influx, PUMP.bucket);
      // Four days up to now: the three backfilled days plus today for the live bridge.
      seed = await seedSimulated({
        influx,
        bucket: PUMP.bucket,
        simulation: winterSimulation('thermia'),
        days: Math.ceil((Date.now() - B0) / DAY) + 0.5,
        to: Date.now(),
      });
    },
    { timeout: 300_000 },
  );

  after(async () => {
    await bridge?.stop();
    conn?.close();
    await Promise.allSettled([ha?.stop(), influx?.stop()]);
  });

  it("backfill imports 72 hours; statistics_during_period returns them with the meters' energy", async (t) => {
    const started = Date.now();
    const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);
    const result = await runBridge(['backfill', '--from', day(B0), '--to', day(B1), '--no-progress'], {
      INFLUXDB_URL: influx.url,
      INFLUXDB_TOKEN: influx.token,
      INFLUXDB_ORG: influx.org,
      INFLUXDB_BUCKET: PUMP.bucket,
      HEATPUMP_BRAND: PUMP.brand,
      HA_URL: ha.url,
      HA_TOKEN: ha.token,
      TZ: 'UTC',
    });
    t.diagnostic(`backfill took ${Date.now() - started} ms`);
    assert.equal(result.code, 0, result.output);
    assert.match(
      result.output,
      new RegExp(
        `backfill: 72 hours imported from ${new Date(B0).toISOString()} to ${new Date(B1).toISOString()}`,
      ),
    );
    assert.ok(
      !result.output.includes(ha.token) && !result.output.includes(influx.token),
      'no token in the output',
    );
    await waitFor(
      '72 imported hours',
      async () => ((await hourly(ELECTRICAL, ['sum'])).length === 72 ? true : undefined),
      60_000,
    );
    await recorderIdle(conn);

    const el = await hourly(ELECTRICAL, ['sum', 'change']);
    const heat = await hourly(HEAT, ['sum', 'change']);
    const cop = await hourly(COP, ['mean']);
    backfilled = el.map((r) => round(r.sum!));
    for (const [name, rows] of [
      ['electrical', el],
      ['heat', heat],
    ] as const) {
      assert.equal(rows.length, 72, `${name}: 72 hours`);
      rows.forEach((r, i) => assert.equal(r.start, B0 + i * HOUR, `${name}: hour ${i} starts on the hour`));
      assert.ok(
        rows.every((r) => (r.change ?? -1) >= 0),
        `${name}: no hour with negative energy`,
      );
      // sum is cumulative: each hour's sum is the previous one plus the hour's change.
      rows.slice(1).forEach((r, i) => assert.equal(round(r.sum! - rows[i]!.sum!), round(r.change!)));
    }
    // The simulated meters (exact, before the gateway rounds them to whole kWh) over the 3 days.
    const meter = (t: number) => seed.meters.get(t)!;
    const trueEl = meter(B1).electricalKwh - meter(B0).electricalKwh;
    const trueHeat = meter(B1).heatKwh - meter(B0).heatKwh;
    const sumEl = el.reduce((a, r) => a + r.change!, 0);
    const sumHeat = heat.reduce((a, r) => a + r.change!, 0);
    t.diagnostic(
      `electricity ${sumEl.toFixed(2)} kWh (meter ${trueEl.toFixed(2)}), heat ${sumHeat.toFixed(2)} kWh (meter ${trueHeat.toFixed(2)})`,
    );
    assert.ok(trueEl > 30, `a winter pump uses energy: ${trueEl} kWh in 3 days`);
    assert.ok(Math.abs(sumEl - trueEl) < 0.02 * trueEl, `electricity ${sumEl} vs meter ${trueEl} kWh`);
    // Heat is the flow-factor estimate (2.7 kW/K x delta T while running); the simulator uses the same factor.
    assert.ok(Math.abs(sumHeat - trueHeat) < 0.05 * trueHeat, `heat ${sumHeat} vs meter ${trueHeat} kWh`);
    // Every hour of a running pump has a COP (sum heat / sum electricity of the hour).
    assert.equal(cop.length, 72, `cop: 72 hours, got ${cop.length}`);
    cop.forEach((r, i) => assert.equal(r.start, B0 + i * HOUR, `cop: hour ${i} starts on the hour`));
    // Each hour's COP against the simulator's exact meters for that hour (an hour the compressor
    // hardly ran has a tiny, standby-dominated electricity figure and no meaningful COP).
    const off: string[] = [];
    let compared = 0;
    cop.forEach((r, i) => {
      const a = meter(B0 + i * HOUR);
      const b = meter(B0 + (i + 1) * HOUR);
      const el = b.electricalKwh - a.electricalKwh;
      if (el < 0.3) return;
      compared += 1;
      const want = (b.heatKwh - a.heatKwh) / el;
      if (!(typeof r.mean === 'number' && Math.abs(r.mean - want) < 0.15 * want))
        off.push(`hour ${i}: ${r.mean} vs ${want.toFixed(3)}`);
    });
    assert.ok(compared >= 48, `${compared} hours with a running pump`);
    assert.deepEqual(off, [], 'hourly COP matches the meters within 15 %');
  });

  it('energy/validate reports no issue for the external statistic as a device', async () => {
    await savePrefs([ELECTRICAL]);
    const prefs = await conn.sendMessagePromise<{ device_consumption: Array<{ stat_consumption: string }> }>({
      type: 'energy/get_prefs',
    });
    assert.deepEqual(prefs.device_consumption, [{ stat_consumption: ELECTRICAL }]);
    const validation = await conn.sendMessagePromise<Validation>({ type: 'energy/validate' });
    assert.deepEqual(validation, { energy_sources: [], device_consumption: [[]] });
    // The check is real: a statistic that does not exist is reported.
    await savePrefs([ELECTRICAL, 'heatpump:does_not_exist']);
    const bad = await conn.sendMessagePromise<Validation>({ type: 'energy/validate' });
    assert.deepEqual(
      bad.device_consumption[1]!.map((i) => i.type),
      ['statistics_not_defined'],
    );
  });

  it('the running bridge: its live energy sensor validates too, and its hourly import continues the sums', async (t) => {
    bridge = await startBridge(bridgeConfig({ pump: PUMP, influx, ha, intervalSeconds: 5 }));
    await bridge.cycles(1, 120_000);
    await savePrefs([ELECTRICAL, LIVE_SENSOR]);
    // Checks on the entity itself (device class, unit, state class, recorded) need no statistics yet.
    const early = await conn.sendMessagePromise<Validation>({ type: 'energy/validate' });
    assert.deepEqual(early.device_consumption[0], []);
    assert.deepEqual(
      early.device_consumption[1]!.map((i) => i.type).filter((type) => type !== 'statistics_not_defined'),
      [],
    );
    // HA compiles statistics every 5 minutes; until then the sensor's statistic is not defined.
    const started = Date.now();
    await waitFor(
      `HA's first statistics of ${LIVE_SENSOR}`,
      async () => {
        // Rows exist once HA has compiled them (metadata calls also list mere candidates).
        const rows = await statisticsDuringPeriod(conn, {
          ids: [LIVE_SENSOR],
          from: Date.now() - HOUR,
          period: '5minute',
          types: ['sum'],
        });
        return (rows[LIVE_SENSOR]?.length ?? 0) > 0 ? true : undefined;
      },
      330_000,
      5_000,
    );
    t.diagnostic(`HA compiled the sensor's statistics after ${Date.now() - started} ms`);
    const validation = await conn.sendMessagePromise<Validation>({ type: 'energy/validate' });
    assert.deepEqual(validation, { energy_sources: [], device_consumption: [[], []] });

    // The live cycle re-imports the last 24 finished hours; where they overlap the backfill, the
    // hourly energy is the same (within the aggregation windows' rounding), so the sums stay.
    await recorderIdle(conn);
    const el = await hourly(ELECTRICAL, ['sum']);
    assert.equal(el.length, backfilled.length);
    el.forEach((r, i) =>
      assert.ok(
        Math.abs(r.sum! - backfilled[i]!) <= 0.01 * Math.max(1, backfilled[i]!),
        `hour ${i}: sum ${r.sum} after the live import, ${backfilled[i]} after the backfill`,
      ),
    );
  });
});
