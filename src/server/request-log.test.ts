import { Writable } from 'node:stream';
import { Hono } from 'hono';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { requestLog } from './request-log.js';

function memoryLogger(): { logger: pino.Logger; lines: string[] } {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  return { logger: pino({ base: null }, sink), lines };
}

describe('request log (LOGS-ERRORS)', () => {
  it('logs method, path, status and time, never the query, cookies or CR/LF-forged lines', async () => {
    const { logger, lines } = memoryLogger();
    const app = new Hono();
    app.use('*', requestLog(logger));
    app.get('*', (c) => c.text('ok'));
    await app.request('/ru/search.html?q=%D0%A1%D0%B5%D0%BA%D1%80%D0%B5%D1%82%D0%BE%D0%B2', { headers: { cookie: '__Host-reckon=CANARY-TOKEN' } });
    await app.request('/x%0d%0a%7B%22forged%22%3Atrue%7D');
    expect(lines).toHaveLength(2);
    const first = JSON.parse(lines[0]!) as Record<string, unknown>;
    expect(first).toMatchObject({ method: 'GET', path: '/ru/search.html', status: 200, msg: 'request' });
    expect(lines.join('')).not.toMatch(/Секретов|CANARY-TOKEN|%D0%A1/);
    expect(lines[1]!.trim().split('\n')).toHaveLength(1);
  });
});
