/**
 * `npm run cli -- register-update`: every organisation with a Y-tunnus, updated from the
 * organisation register (REGISTER_URL): empty fields filled, conflicts listed for a person to decide
 * on the organisation's form, one audit entry (by `cli:<user>`); run again, it changes nothing.
 */
import { userInfo } from 'node:os';
import { databaseConfig, registerConfig, type Env } from '../config/env.js';
import { openDatabase } from '../db/database.js';
import { DEFAULT_TOPOLOGY, prepareDatabase } from '../db/prepare.js';
import { UpstreamError } from '../domain/errors.js';
import { updateOrganisationsFromRegister } from '../server/modules/organisations/update-from-register.js';

function operatingSystemUser(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

export async function runRegisterUpdate(env: Env): Promise<number> {
  const register = registerConfig(env);
  if (!register) {
    console.error(
      'The organisation register is off: set REGISTER_URL (e.g. https://avoindata.prh.fi/opendata-ytj-api/v3).',
    );
    return 2;
  }
  const handle = openDatabase(databaseConfig(env));
  try {
    await prepareDatabase(handle, {
      datasetDir: env.LOAD_DATASET ? env.DATASET_DIR : undefined,
      topologyPath: DEFAULT_TOPOLOGY,
    });
    const report = await updateOrganisationsFromRegister({
      db: handle.db,
      actor: 'command_line',
      audit: {
        actorId: null,
        actor: `cli:${operatingSystemUser()}`,
        ip: null,
        requestId: null,
        at: new Date().toISOString(),
      },
      register,
    });
    console.log(
      `Asked ${report.source} of ${report.checked} organisations (${report.withoutBusinessId} have no Y-tunnus).`,
    );
    for (const fill of report.filled) console.log(`  filled  ${fill.organisation}  ${fill.field} = ${fill.value}`);
    for (const c of report.conflicts)
      console.log(`  decide  ${c.organisation}  ${c.field}: stored ${c.stored ?? '(empty)'}, register ${c.register}`);
    for (const n of report.notFound) console.log(`  not in the register  ${n.organisation}  ${n.businessId}`);
    for (const key of report.changedMeanwhile) console.log(`  changed meanwhile, run again  ${key}`);
    console.log(
      `${report.filled.length} empty fields filled, ${report.conflicts.length} to decide on the organisations' forms.`,
    );
    return 0;
  } catch (error) {
    if (error instanceof UpstreamError) {
      console.error(error.reason.en);
      return 1;
    }
    throw error;
  } finally {
    await handle.close();
  }
}
