/** Starts the HTTP server: parse the environment, prepare the database, listen, stop cleanly. */
import { setFlagsFromString } from 'node:v8';
import { authConfig, databaseConfig, edgeConfig, mailConfig, registerConfig, type Env } from '../config/env.js';
import { createPdfRenderer } from '../documents/pdf/pdf-pool.js';
import { closePdfRenderer } from '../documents/pdf/render-pdf.js';
import { openDatabase } from '../db/database.js';
import { sqliteModuleWarning } from '../db/sqlite-module.js';
import { DEFAULT_TOPOLOGY, prepareDatabase } from '../db/prepare.js';
import { buildApp } from './app.js';
import { builtWebRoot, DEFAULT_WEB_ROOT, type WebApp } from './modules/web/web-app.js';
import { createDemoUsers } from './modules/users/create-demo-users.js';
import { createMailTransport } from './modules/notifications/mail-transport.js';
import { startDeliveryWorker, workerName } from './modules/notifications/deliver-mail.js';

export type StartOptions = {
  /** 'built' serves dist/web; 'vite' serves the sources with hot reload (development only). */
  web?: 'built' | 'vite' | 'none';
  /** Where the built web application is (dist/web). */
  webRoot?: string;
};

/**
 * The server never builds anything itself: build tools are development dependencies, absent from a
 * production install. `npm start` (scripts/start.mjs) builds first when dist/ is missing or stale;
 * a server started some other way without dist/web serves the API alone and says so.
 */
function webApp(mode: StartOptions['web'], root: string): WebApp | undefined {
  if (mode === 'none') return undefined;
  if (mode === 'vite') return { kind: 'vite' };
  if (!builtWebRoot(root)) {
    console.warn(
      `The web application is not built (no ${root}/index.html): serving the API only. Run \`npm run build\`.`,
    );
    return undefined;
  }
  return { kind: 'static', root };
}

/**
 * How far V8 lets the old space grow past what was live after its last full collection before it
 * collects again. Its own choice goes up to 4 ×, and a long answer (the open-data export) fills that
 * room with garbage that a young collection promoted: at the programme's size 37 → 131 MB of heap
 * and +110 MB of RSS, whatever the export's batch size or chunk size (docs/performance.md, "The
 * export's memory"). At 1.5 × the full collections come sooner and stay short (the live heap is
 * some 40 MB). Not a limit: the heap still grows as far as live data needs. A
 * `--heap-growing-percent` given to Node itself is left as it is.
 */
const HEAP_GROWING_PERCENT = 50;

function boundHeapGrowth(): void {
  if (process.execArgv.some((arg) => /^--heap[-_]growing[-_]percent/.test(arg))) return;
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

export async function startServer(
  env: Env,
  options: StartOptions = {},
): Promise<{ url: string; stop: () => Promise<void> }> {
  const started = performance.now();
  boundHeapGrowth();
  const web = webApp(options.web ?? 'built', options.webRoot ?? DEFAULT_WEB_ROOT);
  const handle = openDatabase(databaseConfig(env));
  const prepared = await prepareDatabase(handle, {
    datasetDir: env.LOAD_DATASET ? env.DATASET_DIR : undefined,
    topologyPath: DEFAULT_TOPOLOGY,
  });
  const demo =
    prepared.datasetLoaded && env.DEMO_USERS && env.NODE_ENV !== 'production'
      ? await createDemoUsers(handle.db, new Date())
      : null;
  const edge = edgeConfig(env);
  const app = await buildApp(
    {
      db: handle.db,
      dialect: handle.dialect,
      clock: () => new Date(),
      auth: authConfig(env),
      pdf: createPdfRenderer(edge.pdf),
      register: registerConfig(env),
      mail: mailConfig(env),
    },
    {
      logLevel: env.LOG_LEVEL,
      publicUrl: env.PUBLIC_URL,
      web,
      // The limits at the edge (docs/deployment.md): whom to believe about the client, how many
      // requests per client, and how long a client may take to send one.
      trustProxy: edge.trustProxy,
      rateLimit: edge.rateLimit,
      timeouts: edge.timeouts,
    },
  );
  const url = await app.listen({ host: env.HOST, port: env.PORT });
  app.log.info(
    {
      database: handle.dialect,
      migrations: prepared.migrations,
      datasetLoaded: prepared.datasetLoaded,
      startupMs: Math.round(performance.now() - started),
    },
    `Teemaseuranta listening at ${url} (API docs at ${url}/api/docs)${web ? '' : ', without the web application'}`,
  );
  if (demo) {
    // Printed once, on the start that created them: the password is not stored anywhere in clear.
    console.log(
      [
        '',
        '  DEMO USERS (demo data only; never created in production):',
        `  ${demo.usernames.join(', ')}`,
        `  password for each: ${demo.password}`,
        `  sign in at ${url}/fi/sign-in or POST ${url}/api/v1/auth/login`,
        '',
      ].join('\n'),
    );
  }
  // Every app server delivers mail; the outbox's claims keep them from sending a message twice.
  const mail = mailConfig(env);
  const transport = mail.kind === 'none' ? null : createMailTransport(mail);
  const worker = transport
    ? startDeliveryWorker(
        { db: handle.db, transport, clock: () => new Date(), worker: workerName(), publicUrl: env.PUBLIC_URL ?? null },
        mail.pollMs,
        app.log,
      )
    : null;
  if (mail.kind === 'none')
    app.log.warn(
      'Mail: SMTP_URL is not set, so no mail is sent; messages wait in the outbox (GET /api/v1/admin/outbox).',
    );
  else if (mail.kind === 'files')
    console.log(`  Mail: no SMTP_URL, so development mail is written as .eml files to ${mail.dir}/ (nothing is sent).`);
  else app.log.info(`Mail is sent through ${transport!.describe} from ${mail.from}.`);
  const sqliteWarning = handle.dialect === 'sqlite' ? sqliteModuleWarning() : undefined;
  if (sqliteWarning) app.log.warn(sqliteWarning);
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await worker?.stop();
      await app.close();
      // The one Chromium of the process, if a PDF was rendered: it would outlive the server otherwise.
      await closePdfRenderer();
      await handle.close();
    })());
  return { url, stop };
}
