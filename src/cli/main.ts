#!/usr/bin/env node
/** The command line: `npm run cli -- <command>`. `npm start` is `serve`. */
import { ConfigError, parseEnv } from '../config/env.js';
import { projectPath } from '../config/paths.js';
import { startServer } from '../server/server.js';
import { runDatasetCheck } from './check-dataset.js';
import { runExport } from './export.js';
import { runUser } from './user.js';
import { runBackup, runContentHash, runDump, runRestore } from './backup.js';
import { runRegisterUpdate } from './register-update.js';

const USAGE = `Usage: npm run cli -- <command>
  serve                          start the server with the built web application (npm start)
  dev                            the same with the web application's sources and hot reload (npm run dev)
  export [file]                  write the open-data export (JSON) to a file or standard output
  dataset-check [path] [seeds]   check data/2024 against its schema and the seed documents
  user add <username> --name "Name" --role <role> [--ministry STM] [--theme slug] [--group key]
  user passwd <username>         set a new random password (printed once); the user's sessions end
  user list                      users and their roles
  backup <file>                  a consistent copy of the running SQLite database
  dump [file]                    the whole database as JSON lines (either database)
  restore <file>                 a dump into an empty database (either database)
  content-hash                   a fingerprint of all data, to compare two databases
  register-update                fill empty organisation fields from the register (REGISTER_URL), list conflicts`;

const [command = 'help', ...args] = process.argv.slice(2);

async function main(): Promise<number> {
  switch (command) {
    case 'serve':
    case 'dev': {
      const env = parseEnv(process.env);
      // Vite is a development dependency, loaded only by `dev`: never on a production server.
      if (command === 'dev' && env.NODE_ENV === 'production') {
        console.error('`dev` serves the sources through Vite; in production use `serve` (npm start).');
        return 2;
      }
      const server = await startServer(env, { web: command === 'dev' ? 'vite' : 'built' });
      for (const signal of ['SIGINT', 'SIGTERM'] as const) {
        process.once(signal, () => void server.stop().then(() => process.exit(0)));
      }
      return 0;
    }
    case 'export':
      return runExport(parseEnv(process.env), args[0]);
    case 'user':
      return runUser(parseEnv(process.env), args);
    case 'backup':
      return runBackup(parseEnv(process.env), args[0]);
    case 'dump':
      return runDump(parseEnv(process.env), args[0]);
    case 'restore':
      return runRestore(parseEnv(process.env), args[0]);
    case 'content-hash':
      return runContentHash(parseEnv(process.env));
    case 'register-update':
      return runRegisterUpdate(parseEnv(process.env));
    case 'dataset-check':
      return runDatasetCheck(args[0] ?? projectPath('data/2024'), args[1] ?? projectPath('../shared/seeds'));
    case 'help':
    case '--help':
      console.log(USAGE);
      return 0;
    default:
      console.error(`Unknown command "${command}".\n${USAGE}`);
      return 2;
  }
}

main().then(
  (code) => {
    if (code !== 0) process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exitCode = 1;
  },
);
