/**
 * Home Assistant faults against a real HA and a real InfluxDB 2.x, each behind a fault proxy, with
 * the `heatpump-bridge` executable as users run it: HA not up yet when the bridge starts, HA
 * stalled without closing the socket (the ping watchdog reconnects), a statistics backfill cut off
 * midway and re-run (no double counting), and the bridge's token revoked while it runs.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { Connection, HassEntity } from 'home-assistant-js-websocket';
import { connectHomeAssistant } from '../harness/ha-socket.js';
import { startHomeAssistant, type HomeAssistantInstance } from '../harness/home-assistant.js';
import { startInfluxV2, type InfluxV2Server } from '../harness/influxdb.js';
import type { LoggedProcess } from '../harness/process.js';
import { logRecords, runBridge, spawnBridge } from '../bridge/fixtures/spawn-bridge.js';
import { FaultProxy } from './support/fault-proxy.js';
import { H, thermiaLines, waitFor } from './support/reliability-fixtures.js';

const DAY = 24 * H;
const NOW = Date.now();
/** Backfill range: four whole UTC days ending three days ago. */
const B0 = Math.floor(NOW / DAY) * DAY - 7 * DAY;
const B1 = B0 + 4 * DAY;
const OUTDOOR = 'sensor.heatpump_outdoor_temp';

describe('reliability: Home Assistant faults (real HA and InfluxDB behind fault proxies)', () => {
  let influx: InfluxV2Server;
  let ha: HomeAssistantInstance;
  let conn: Connection;
  let influxProxy: FaultProxy;
  let haProxy: FaultProxy;
  let env: Record<string, string>;
  let run: LoggedProcess | undefined;

  before(async () => {
    [influx, ha] = await Promise.all([startInfluxV2(), startHomeAssistant()]);
    conn = await connectHomeAssistant({ url: ha.url, token: ha.token });
    influxProxy = await FaultProxy.start(influx.url);
    // Not listening yet: to the bridge, Home Assistant is not up.
    haProxy = await FaultProxy.start(ha.url, { listen: false });
    const lines = [...thermiaLines(NOW - 3 * H, NOW, -3), ...thermiaLines(B0 - H, B1, -5, 60)];
    for (let i = 0; i < lines.length; i += 20_000) {
      const res = await fetch(
        `${influx.url}/api/v2/write?org=${influx.org}&bucket=${influx.bucket}&precision=s`,
        {
          method: 'POST',
          headers: { authorization: `Token ${influx.token}` },
          body: lines.slice(i, i + 20_000).join('\n'),
        },
      );
      assert.equal(res.status, 204, (await res.text()).slice(0, 300));
    }
    env = {
      INFLUXDB_URL: influxProxy.url,
      INFLUXDB_TOKEN: influx.token,
      INFLUXDB_ORG: influx.org,
      INFLUXDB_BUCKET: influx.bucket,
      HEATPUMP_BRAND: 'thermia',
      HA_URL: haProxy.url,
      HA_TOKEN: ha.token,
      TZ: 'UTC',
      HEATPUMP_BRIDGE__PUBLISH__INTERVAL_SECONDS: '2',
      HEATPUMP_BRIDGE__HOMEASSISTANT__HEARTBEAT_SECONDS: '2',
      HEATPUMP_BRIDGE__HOMEASSISTANT__TIMEOUT_MS: '3000',
    };
  });

  after(async () => {
    await run?.stop(2_000);
    conn?.close();
    await Promise.allSettled([influxProxy?.close(), haProxy?.close()]);
    await Promise.allSettled([influx?.stop(), ha?.stop()]);
  });

  async function state(entityId: string): Promise<string | undefined> {
    const list = await conn.sendMessagePromise<HassEntity[]>({ type: 'get_states' });
    return list.find((s) => s.entity_id === entityId)?.state;
  }
  const logged = (proc: LoggedProcess, msg: string, from = 0) =>
    logRecords(proc)
      .slice(from)
      .filter((r) => r.msg === msg);

  it('HA not up at bridge start: the bridge keeps running and publishes once HA answers', async () => {
    run = spawnBridge(['run'], env);
    const proc = run;
    await waitFor(
      'the "not reachable" warning',
      () => logged(proc, 'Home Assistant not reachable; retrying in the background')[0],
      60_000,
    );
    await new Promise((r) => setTimeout(r, 3_000));
    assert.equal(proc.exitInfo(), undefined, 'still running while HA is down');
    assert.equal(await state(OUTDOOR), undefined, 'nothing published yet');

    await haProxy.listen();
    const upAt = Date.now();
    await waitFor(
      'the first publish',
      async () => ((await state(OUTDOOR)) === '-3' ? true : undefined),
      60_000,
    );
    assert.equal(await state('sensor.heatpump_cop_today'), '6.75');
    assert.ok(logged(proc, 'connected to Home Assistant').length >= 1);
    // Session retries every 5-10 s at first, cycles back off from 5 s: well within 40 s.
    assert.ok(Date.now() - upAt < 40_000, `${Date.now() - upAt} ms after HA came up`);
  });

  it('HA stalled without closing the socket: the ping watchdog forces a reconnect; publishing goes on', async () => {
    const proc = run;
    assert.ok(proc, 'the bridge of the previous test runs');
    const mark = logRecords(proc).length;
    haProxy.stall(true);
    const forced = await waitFor(
      'the watchdog',
      () => logged(proc, 'Home Assistant did not answer a ping; forcing a reconnect', mark)[0],
      20_000,
    );
    assert.equal(forced.timeoutMs, 2_000);
    // New sockets stall during their handshake too; the bridge keeps trying and stays up.
    await new Promise((r) => setTimeout(r, 4_000));
    assert.equal(proc.exitInfo(), undefined);
    const upgradesBefore = haProxy.upgrades;
    haProxy.stall(false);
    await waitFor('the reconnect', () => logged(proc, 'reconnected to Home Assistant', mark)[0], 60_000);
    assert.ok(haProxy.upgrades >= upgradesBefore, 'a new WebSocket was opened');
    // Fresh data reaches HA after the stall.
    const t = Math.floor(Date.now() / 1000) * 1000;
    const res = await fetch(
      `${influx.url}/api/v2/write?org=${influx.org}&bucket=${influx.bucket}&precision=s`,
      {
        method: 'POST',
        headers: { authorization: `Token ${influx.token}` },
        body: thermiaLines(t - 3 * 60_000, t + 60_000, 7, 10).join('\n'),
      },
    );
    assert.equal(res.status, 204);
    await waitFor(
      'a publish after the stall',
      async () => ((await state(OUTDOOR)) === '7' ? true : undefined),
      30_000,
    );

    proc.child.kill('SIGTERM');
    const exit = await proc.exited;
    assert.deepEqual([exit.code, exit.signal], [0, null]);
    run = undefined;
  });

  type Stat = { start: number; sum?: number };
  async function sums(key: string): Promise<number[]> {
    const id = `heatpump:cut_${key}`;
    const r = await conn.sendMessagePromise<Record<string, Stat[]>>({
      type: 'recorder/statistics_during_period',
      start_time: new Date(B0).toISOString(),
      end_time: new Date(B1).toISOString(),
      statistic_ids: [id],
      period: 'hour',
      types: ['sum'],
    });
    return (r[id] ?? []).map((s) => Math.round((s.sum ?? NaN) * 1e6) / 1e6);
  }
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
  const expected = (hours: number, perHour: number) =>
    Array.from({ length: hours }, (_, i) => Math.round(perHour * (i + 1) * 1e6) / 1e6);

  it('statistics backfill cut off midway (HA gone on day 3 of 4) and re-run: no double counting', async () => {
    await haProxy.listen();
    const benv = { ...env, HEATPUMP_BRIDGE__PUBLISH__DEVICE_SLUG: 'cut' };
    const from = new Date(B0).toISOString().slice(0, 10);
    const to = new Date(B1).toISOString().slice(0, 10);
    let queries = 0;
    influxProxy.onRequest = (req) => {
      if (!req.path.startsWith('/api/v2/query')) return;
      queries += 1;
      // Days 1 and 2 are imported by now; HA disappears before day 3 is.
      if (queries === 3) void haProxy.unlisten();
    };
    const cut = await runBridge(['backfill', '--from', from, '--to', to, '--no-progress'], benv);
    influxProxy.onRequest = undefined;
    assert.notEqual(cut.code, 0, cut.output.slice(-2000));
    assert.match(cut.output, /error: .*(Home Assistant|connection)/i);
    await haProxy.listen();
    await recorderIdle();
    const partial = await sums('electrical_energy');
    assert.deepEqual(partial, expected(48, 2), 'days 1 and 2 only');

    const again = await runBridge(['backfill', '--from', from, '--to', to, '--no-progress'], benv);
    assert.equal(again.code, 0, again.output.slice(-2000));
    assert.match(again.output, /backfill: 96 hours imported/);
    await recorderIdle();
    assert.deepEqual(await sums('electrical_energy'), expected(96, 2));
    assert.deepEqual(await sums('heat_energy'), expected(96, 13.5));
  });

  it('token revoked while running: a clear error and a non-zero exit, no retry storm', async () => {
    await haProxy.listen();
    const clientName = `reliability revoke ${Date.now()}`;
    const token = await conn.sendMessagePromise<string>({
      type: 'auth/long_lived_access_token',
      client_name: clientName,
      lifespan: 1,
    });
    const proc = spawnBridge(['run'], {
      ...env,
      HA_TOKEN: token,
      HEATPUMP_BRIDGE__PUBLISH__DEVICE_SLUG: 'revoked',
    });
    run = proc;
    await waitFor(
      'a publish with the new token',
      async () => ((await state('sensor.revoked_outdoor_temp')) !== undefined ? true : undefined),
      60_000,
    );
    const tokens = await conn.sendMessagePromise<{ id: string; client_name: string | null }[]>({
      type: 'auth/refresh_tokens',
    });
    const refresh = tokens.find((t) => t.client_name === clientName);
    assert.ok(refresh, 'the refresh token behind the long-lived token');
    const revokedAt = Date.now();
    await conn.sendMessagePromise({ type: 'auth/delete_refresh_token', refresh_token_id: refresh.id });

    const exit = await Promise.race([
      proc.exited,
      new Promise<undefined>((r) => setTimeout(() => r(undefined), 60_000)),
    ]);
    const log = readFileSync(proc.logFile, 'utf8');
    assert.ok(exit !== undefined, `still running 60 s after the revocation:\n${log.slice(-1500)}`);
    run = undefined;
    assert.equal(exit.code, 3, 'the auth exit code');
    assert.match(log, /Home Assistant rejected the token/);
    // A few requests between the revocation and the exit, not a storm.
    const after = haProxy.count('/api/', revokedAt);
    assert.ok(after <= 20, `${after} REST requests after the revocation`);
    assert.ok(!log.includes(token) && !log.includes(ha.token), 'no token in the log');
  });
});
