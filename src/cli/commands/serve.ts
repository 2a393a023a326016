import { serve } from '@hono/node-server';
import type { Command } from 'commander';
import { pino } from 'pino';
import { openDb } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrator.js';
import { countPersons } from '../../db/repositories/person.repository.js';
import { join } from 'node:path';
import { addDemoViewer, DEMO_VIEWER, releaseDemo } from '../../services/demo/demo-release.js';
import { loadDemo } from '../../services/demo/demo.service.js';
import { ensureSigningKey } from '../../services/publication/release-keys.js';
import { createApp } from '../../server/app.js';
import { errorForLog } from '../../server/error-log.js';
import { dataDirOf, globalOptions, log } from '../context.js';

/** `reckon serve`: the HTTP API and pages on one port. */
export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('serve the register over HTTP (API under /api, pages at /)')
    .option('--host <host>', 'address to listen on (env RECKON_HOST)', process.env.RECKON_HOST ?? '127.0.0.1')
    .option('--port <port>', 'port (env RECKON_PORT)', process.env.RECKON_PORT ?? '3000')
    .option('--demo', 'if the register is empty, fill it with a synthetic demo register first')
    .action(async (opts: { host: string; port: string; demo?: boolean }, command: Command) => {
      const g = globalOptions(command);
      const db = await openDb(g.db);
      await migrateToLatest(db);
      if (opts.demo && (await countPersons(db.kysely)) === 0) {
        log('filling an empty register with a SYNTHETIC demo (fictional people)…');
        const summary = await loadDemo(db, { persons: 500, seed: 1 });
        log(`demo register: ${summary.persons} fictional persons from ${summary.claims} synthetic records, ${summary.confirmed} confirmed`);
      }
      if (opts.demo) {
        const base = dataDirOf(g.db);
        const key = await ensureSigningKey(join(base, 'keys', 'release-ed25519.pem'));
        const date = new Date().toISOString().slice(0, 10);
        if (await addDemoViewer(db)) {
          log(`demo sign-in for the workspace (/app/): user "${DEMO_VIEWER.username}", password "${DEMO_VIEWER.password}" (read-only)`);
        }
        if (await releaseDemo(db, { outDir: join(base, 'releases', date), privateKeyPem: key.privateKeyPem, date })) {
          log(`cut a demo release for ${date}; verify it with: reckon verify-release ${join(base, 'releases', date)} --key ${key.publicKeyPath}`);
        }
      }
      const logger = pino({ level: process.env.RECKON_LOG_LEVEL ?? 'info', base: null }, pino.destination(2));
      // PROTO-POLLUTION: as node --disable-proto=delete, so no request body can reach Object.prototype.
      Reflect.deleteProperty(Object.prototype, '__proto__');
      // LOGS-ERRORS: a last-resort handler logs and keeps serving.
      process.on('unhandledRejection', (reason) => {
        logger.error({ error: errorForLog(reason) }, 'unhandled rejection');
      });
      const evidenceStore = process.env.RECKON_EVIDENCE_DIR ?? join(dataDirOf(g.db), 'evidence');
      const app = createApp({ db, demo: opts.demo ?? false, logger, evidenceStore, onError: (e) => {
          logger.error({ error: errorForLog(e) }, 'request failed');
        },
      });
      await new Promise<void>((resolve) => {
        const server = serve({ fetch: app.fetch, hostname: opts.host, port: Number(opts.port) }, (info) => {
          log(`Reckon is serving ${db.label.endsWith('.sqlite') ? 'the SQLite register ' + db.label : db.label}`);
          process.stdout.write(`http://${info.address === '::1' ? '[::1]' : info.address}:${info.port}/\n`);
        });
        const stop = (): void => {
          server.close(() => {
            void db.close().then(() => {
              resolve();
            });
          });
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
