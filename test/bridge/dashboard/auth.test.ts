import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { test } from 'node:test';
import { isAuthorized, tokenFrom } from '../../../bridge/dashboard/auth.js';

const req = (url: string, authorization?: string): IncomingMessage =>
  ({ url, headers: authorization ? { authorization } : {} }) as unknown as IncomingMessage;

test('without a configured token everything is allowed', () => {
  assert.equal(isAuthorized(req('/api/config'), undefined), true);
});

test('the token is taken from the Authorization header or the token query parameter', () => {
  assert.equal(tokenFrom(req('/api/config', 'Bearer s3cret')), 's3cret');
  assert.equal(tokenFrom(req('/ws?token=s3cret')), 's3cret');
  assert.equal(tokenFrom(req('/ws')), undefined);
  assert.equal(isAuthorized(req('/api/config', 'bearer s3cret'), 's3cret'), true);
  assert.equal(isAuthorized(req('/ws?token=s3cret'), 's3cret'), true);
});

test('a wrong, missing or differently long token is refused', () => {
  assert.equal(isAuthorized(req('/api/config', 'Bearer nope'), 's3cret'), false);
  assert.equal(isAuthorized(req('/api/config'), 's3cret'), false);
  assert.equal(isAuthorized(req('/ws?token=s3cret-and-more'), 's3cret'), false);
  assert.equal(isAuthorized(req('/api/config', 'Basic s3cret'), 's3cret'), false);
});
