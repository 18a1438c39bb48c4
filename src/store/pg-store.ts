/**
 * TokcostStore on Postgres (node-postgres pool), for several replicas sharing one database: the
 * same contract and tables as the SQLite store. Races between replicas are settled by the database:
 * unique keys for events, signatures and work; row locks with SKIP LOCKED when taking over abandoned
 * work; a per-user advisory lock around the rate-limit count.
 */
import pg from 'pg';
import { migratePg } from './pg-migrations.ts';
import { retryAfterSeconds, settingValue, toAnswer, toChange, toSettings, toWork, type AnswerRow, type ChangeRow, type PowerRow, type PriceRow, type WorkRow } from './rows.ts';
import { StoreError, faultOf, redactUrl, storeOpenFailure } from './store-errors.ts';
import { RATE_WINDOW_MS, RETENTION_MS, usageFromRows, type StepState, type TokcostStore } from './store.ts';

export interface PgStoreOptions {
  /** postgres://user:password@host:port/database */
  readonly url: string;
  readonly now?: () => Date;
  /** Connections per replica (default 10). */
  readonly poolSize?: number;
  /** Connect timeout, ms (default 5 s). */
  readonly connectTimeoutMs?: number;
  /** Called with errors from idle connections (a restarted server), which would otherwise end the process. */
  readonly onIdleError?: (error: Error) => void;
}

type Queryable = Pick<pg.PoolClient, 'query'>;

/** Connects, applies pending migrations, and returns the store; an unreachable database is one clear StoreError. */
export async function openPgStore(options: PgStoreOptions): Promise<TokcostStore> {
  const now = options.now ?? (() => new Date());
  const where = redactUrl(options.url);
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10, connectionTimeoutMillis: options.connectTimeoutMs ?? 5000 });
  pool.on('error', (error) => options.onIdleError?.(error));
  try {
    const client = await pool.connect();
    try {
      await migratePg(client);
    } finally {
      client.release();
    }
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw storeOpenFailure(where, error);
  }

  const run = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof StoreError) throw error;
      throw new StoreError(faultOf(error), `Postgres store: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  };
  const query = <R extends pg.QueryResultRow>(sql: string, params: unknown[] = [], on: Queryable = pool) => on.query<R>(sql, params);
  const transaction = async <T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };

  const settings = async (teamId: string, on: Queryable = pool) => {
    const prices = await query<PriceRow>('SELECT platform, dollars_per_gpu_hour, updated_at FROM gpu_prices WHERE team_id = $1 ORDER BY platform', [teamId], on);
    const power = await query<PowerRow>('SELECT dollars_per_kwh, updated_at FROM workspace_settings WHERE team_id = $1', [teamId], on);
    return toSettings(prices.rows, power.rows[0]);
  };
  const audit = (on: Queryable, teamId: string, userId: string, setting: string, before: number | undefined, after: number | undefined) =>
    query('INSERT INTO settings_changes (team_id, changed_at, user_id, setting, before_value, after_value) VALUES ($1, $2, $3, $4, $5, $6)', [teamId, now().toISOString(), userId, setting, settingValue(before), settingValue(after)], on);

  let closed = false;
  let writesSincePrune = 0;
  /** Every 200th write also deletes what has expired, off the request's path (it would delay an ack). */
  const pruneSoon = (nowMs: number) => {
    if (writesSincePrune++ % 200 !== 0 || closed) return;
    void prune(nowMs).catch(() => undefined);
  };
  const prune = async (nowMs: number) => {
    await query('DELETE FROM processed_events WHERE seen_at_ms < $1', [nowMs - RETENTION_MS]);
    await query('DELETE FROM seen_signatures WHERE expires_at_ms <= $1', [nowMs]);
    await query('DELETE FROM rate_events WHERE at_ms <= $1', [nowMs - RATE_WINDOW_MS]);
    await query('DELETE FROM work_steps WHERE started_at_ms < $1', [nowMs - RETENTION_MS]);
    await query(`DELETE FROM work_items WHERE state <> 'running' AND created_at_ms < $1`, [nowMs - RETENTION_MS]);
  };

  return {
    kind: 'postgres',
    saveAnswer: (answer) =>
      run(async () => {
        const createdAt = now().toISOString();
        await transaction(async (c) => {
          await query(
            `INSERT INTO answers (team_id, answer_id, channel_id, thread_ts, query_json, report_json, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)
             ON CONFLICT (team_id, answer_id) DO UPDATE SET channel_id = excluded.channel_id, thread_ts = excluded.thread_ts,
               query_json = excluded.query_json, report_json = excluded.report_json`,
            [answer.teamId, answer.answerId, answer.channelId, answer.threadTs ?? null, JSON.stringify(answer.query), JSON.stringify(answer.report), createdAt],
            c,
          );
          if (answer.threadTs !== undefined) {
            await query(
              `INSERT INTO threads (team_id, channel_id, thread_ts, answer_id, updated_at) VALUES ($1, $2, $3, $4, $5)
               ON CONFLICT (team_id, channel_id, thread_ts) DO UPDATE SET answer_id = excluded.answer_id, updated_at = excluded.updated_at`,
              [answer.teamId, answer.channelId, answer.threadTs, answer.answerId, createdAt],
              c,
            );
          }
        });
        return { ...answer, createdAt };
      }),
    answer: (teamId, answerId) =>
      run(async () => {
        const { rows } = await query<AnswerRow>('SELECT * FROM answers WHERE team_id = $1 AND answer_id = $2', [teamId, answerId]);
        return rows[0] ? toAnswer(rows[0]) : undefined;
      }),
    lastAnswerInThread: (key) =>
      run(async () => {
        const { rows } = await query<AnswerRow>(
          `SELECT a.* FROM threads t JOIN answers a ON a.team_id = t.team_id AND a.answer_id = t.answer_id
           WHERE t.team_id = $1 AND t.channel_id = $2 AND t.thread_ts = $3`,
          [key.teamId, key.channelId, key.threadTs],
        );
        return rows[0] ? toAnswer(rows[0]) : undefined;
      }),
    settings: (teamId) => run(() => settings(teamId)),
    setGpuPrice: (teamId, platform, dollars, userId) =>
      run(() =>
        transaction(async (c) => {
          await audit(c, teamId, userId, `price ${platform}`, (await settings(teamId, c)).dollarsPerGpuHour[platform], dollars);
          await query(
            `INSERT INTO gpu_prices (team_id, platform, dollars_per_gpu_hour, updated_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (team_id, platform) DO UPDATE SET dollars_per_gpu_hour = excluded.dollars_per_gpu_hour, updated_at = excluded.updated_at`,
            [teamId, platform, dollars, now().toISOString()],
            c,
          );
          return settings(teamId, c);
        }),
      ),
    setPowerPrice: (teamId, dollarsPerKwh, userId) =>
      run(() =>
        transaction(async (c) => {
          await audit(c, teamId, userId, 'power', (await settings(teamId, c)).dollarsPerKwh, dollarsPerKwh);
          await query(
            `INSERT INTO workspace_settings (team_id, dollars_per_kwh, updated_at) VALUES ($1, $2, $3)
             ON CONFLICT (team_id) DO UPDATE SET dollars_per_kwh = excluded.dollars_per_kwh, updated_at = excluded.updated_at`,
            [teamId, dollarsPerKwh, now().toISOString()],
            c,
          );
          return settings(teamId, c);
        }),
      ),
    resetSettings: (teamId, userId) =>
      run(() =>
        transaction(async (c) => {
          await audit(c, teamId, userId, 'reset', undefined, undefined);
          await query('DELETE FROM gpu_prices WHERE team_id = $1', [teamId], c);
          await query('DELETE FROM workspace_settings WHERE team_id = $1', [teamId], c);
        }),
      ),
    settingsHistory: (teamId, limit) =>
      run(async () => {
        const { rows } = await query<ChangeRow>('SELECT changed_at, user_id, setting, before_value, after_value FROM settings_changes WHERE team_id = $1 ORDER BY id DESC LIMIT $2', [teamId, limit]);
        return rows.map(toChange);
      }),
    claimEvent: (teamId, key, claimant) =>
      run(async () => {
        const nowMs = now().getTime();
        pruneSoon(nowMs);
        const inserted = await query('INSERT INTO processed_events (team_id, event_key, seen_at_ms, claimant) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING', [teamId, key, nowMs, claimant ?? null]);
        if (inserted.rowCount === 1) return true;
        if (claimant === undefined) return false;
        const { rows } = await query<{ claimant: string | null }>('SELECT claimant FROM processed_events WHERE team_id = $1 AND event_key = $2', [teamId, key]);
        return rows[0]?.claimant === claimant;
      }),
    claimSignature: (signature, nowMs, expiresAtMs) =>
      run(async () => {
        pruneSoon(nowMs);
        const result = await query(
          `INSERT INTO seen_signatures (signature, expires_at_ms) VALUES ($1, $2)
           ON CONFLICT (signature) DO UPDATE SET expires_at_ms = excluded.expires_at_ms WHERE seen_signatures.expires_at_ms <= $3`,
          [signature, expiresAtMs, nowMs],
        );
        return result.rowCount === 1;
      }),
    takeRateLimit: (teamId, userId, perMinute, nowMs, ticket) =>
      run(async () => {
        if (perMinute <= 0) return { allowed: true, retryAfterSeconds: 0 };
        return transaction(async (c) => {
          // One count at a time per user across replicas, so two at once can't both slip under the limit.
          await query('SELECT pg_advisory_xact_lock(hashtext($1))', [`tokcost-rate:${teamId}:${userId}`], c);
          if (ticket !== undefined && (await query('SELECT 1 FROM rate_events WHERE ticket = $1', [ticket], c)).rowCount === 1) return { allowed: true, retryAfterSeconds: 0 };
          const { rows } = await query<{ at_ms: string }>('SELECT at_ms FROM rate_events WHERE team_id = $1 AND user_id = $2 AND at_ms > $3 ORDER BY at_ms', [teamId, userId, nowMs - RATE_WINDOW_MS], c);
          if (rows.length >= perMinute) return { allowed: false, retryAfterSeconds: retryAfterSeconds(Number(rows[0]!.at_ms), nowMs, RATE_WINDOW_MS) };
          await query('INSERT INTO rate_events (ticket, team_id, user_id, at_ms) VALUES ($1, $2, $3, $4)', [ticket ?? `anon:${nowMs}:${Math.random()}`, teamId, userId, nowMs], c);
          return { allowed: true, retryAfterSeconds: 0 };
        });
      }),
    beginWork: (item, nowMs, leaseUntilMs) =>
      run(async () => {
        pruneSoon(nowMs);
        const result = await query(
          `INSERT INTO work_items (work_key, team_id, payload_json, owner, state, lease_until_ms, attempts, created_at_ms)
           VALUES ($1, $2, $3, $4, 'running', $5, 1, $6) ON CONFLICT DO NOTHING`,
          [item.workKey, item.teamId, JSON.stringify(item.payload), item.owner, leaseUntilMs, nowMs],
        );
        return result.rowCount === 1;
      }),
    renewWork: (workKey, owner, leaseUntilMs) =>
      run(async () => (await query(`UPDATE work_items SET lease_until_ms = $1 WHERE work_key = $2 AND owner = $3 AND state = 'running'`, [leaseUntilMs, workKey, owner])).rowCount === 1),
    finishWork: (workKey, owner, nowMs) =>
      run(async () => {
        await query(`UPDATE work_items SET state = 'done', lease_until_ms = $1 WHERE work_key = $2 AND owner = $3`, [nowMs, workKey, owner]);
      }),
    claimAbandonedWork: (owner, nowMs, leaseUntilMs, limit, maxAttempts) =>
      run(async () => {
        await query(`UPDATE work_items SET state = 'failed' WHERE state = 'running' AND lease_until_ms < $1 AND attempts >= $2`, [nowMs, maxAttempts]);
        const { rows } = await query<WorkRow>(
          `WITH picked AS (
             SELECT work_key FROM work_items WHERE state = 'running' AND lease_until_ms < $1 AND attempts < $2
             ORDER BY created_at_ms LIMIT $3 FOR UPDATE SKIP LOCKED)
           UPDATE work_items w SET owner = $4, lease_until_ms = $5, attempts = w.attempts + 1
           FROM picked WHERE w.work_key = picked.work_key
           RETURNING w.work_key, w.team_id, w.payload_json, w.owner, w.attempts`,
          [nowMs, maxAttempts, limit, owner, leaseUntilMs],
        );
        return rows.map(toWork);
      }),
    beginStep: (workKey, stepKey, nowMs) =>
      run(async (): Promise<StepState> => {
        const inserted = await query(`INSERT INTO work_steps (work_key, step_key, state, started_at_ms) VALUES ($1, $2, 'started', $3) ON CONFLICT DO NOTHING`, [workKey, stepKey, nowMs]);
        if (inserted.rowCount === 1) return { state: 'new' };
        const { rows } = await query<{ state: string; result_json: string | null }>('SELECT state, result_json FROM work_steps WHERE work_key = $1 AND step_key = $2', [workKey, stepKey]);
        const row = rows[0];
        return row?.state === 'done' ? { state: 'done', result: row.result_json === null ? null : (JSON.parse(row.result_json) as unknown) } : { state: 'uncertain' };
      }),
    finishStep: (workKey, stepKey, result) =>
      run(async () => {
        await query(`UPDATE work_steps SET state = 'done', result_json = $1 WHERE work_key = $2 AND step_key = $3`, [JSON.stringify(result ?? null), workKey, stepKey]);
      }),
    recordUsage: (teamId, kind) =>
      run(async () => {
        await query('INSERT INTO usage_counts (team_id, kind, count) VALUES ($1, $2, 1) ON CONFLICT (team_id, kind) DO UPDATE SET count = usage_counts.count + 1', [teamId, kind]);
      }),
    usage: (teamId) =>
      run(async () => usageFromRows((await query<{ kind: string; count: string }>('SELECT kind, count FROM usage_counts WHERE team_id = $1', [teamId])).rows)),
    health: async () => {
      const started = performance.now();
      try {
        await query('SELECT version FROM schema_version');
        return { ok: true, kind: 'postgres', latencyMs: performance.now() - started };
      } catch (error) {
        return { ok: false, kind: 'postgres', latencyMs: performance.now() - started, problem: `${where}: ${error instanceof Error ? error.message : String(error)}` };
      }
    },
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
