import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLogger, scrubSecrets } from '../../../bridge/log/logger.js';

describe('logger', () => {
  it('never writes a secret, whether as a field, inside a message or nested in an error', () => {
    const lines: string[] = [];
    const token = 'eyJhbGciOi.secret"token\\x';
    const log = createLogger({ secrets: [token], destination: { write: (l: string) => lines.push(l) } });
    log.info({ token }, 'field');
    log.info({ headers: { authorization: `Bearer ${token}` } }, 'header');
    log.warn({ err: `request to http://ha/?access_token=${token} failed` }, 'message');
    log.error(`inline ${token}`);
    log.info({ nested: { deeper: { value: token } } }, 'nested');
    log.flush();
    assert.equal(lines.length, 5);
    const all = lines.join('');
    assert.ok(!all.includes(token), all);
    assert.ok(!all.includes(JSON.stringify(token).slice(1, -1)), all);
    assert.equal((all.match(/\[redacted\]/g) ?? []).length, 5);
  });

  it('scrubs every occurrence and ignores too-short secrets', () => {
    assert.equal(scrubSecrets('a abcd b abcd', ['abcd']), 'a [redacted] b [redacted]');
    const log = createLogger({ secrets: ['ab'], destination: { write: () => undefined } });
    assert.ok(log);
  });
});
