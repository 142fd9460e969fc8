/** Every migration, in order. Listed explicitly: a migration is never discovered by file name. */
import type { Kysely } from 'kysely';
import type { Columns } from './columns.js';
import * as initialModel from './0001-initial-model.js';
import * as accessAndAudit from './0002-access-and-audit.js';
import * as themeReports from './0003-theme-reports.js';
import * as steeringGroupMeetings from './0004-steering-group-meetings.js';
import * as readPerformance from './0005-read-performance.js';
import * as signInThrottle from './0006-sign-in-throttle.js';
import * as figuresYouCanTrust from './0007-figures-you-can-trust.js';
import * as notificationsAndApprovals from './0008-notifications-and-approvals.js';
import * as whatTheSourcesSay from './0009-what-the-sources-say.js';
import * as search from './0010-search.js';
import * as meetingRules from './0011-meeting-rules.js';
import * as periodClosing from './0012-period-closing.js';
import * as keyFigureFacts from './0013-key-figure-facts.js';
import * as dataScopes from './0014-data-scopes.js';
import * as organisationRegister from './0015-organisation-register.js';
import * as swedishMinutes from './0016-swedish-minutes.js';
import * as scopesByColumn from './0017-scopes-by-column.js';
import * as storedFigures from './0018-stored-figures.js';

export type Migration = { name: string; up: (db: Kysely<any>, columns: Columns) => Promise<void> };

export const migrations: Migration[] = [
  { name: '0001-initial-model', up: initialModel.up },
  { name: '0002-access-and-audit', up: accessAndAudit.up },
  { name: '0003-theme-reports', up: themeReports.up },
  { name: '0004-steering-group-meetings', up: steeringGroupMeetings.up },
  { name: '0005-read-performance', up: readPerformance.up },
  { name: '0006-sign-in-throttle', up: signInThrottle.up },
  { name: '0007-figures-you-can-trust', up: figuresYouCanTrust.up },
  { name: '0008-notifications-and-approvals', up: notificationsAndApprovals.up },
  { name: '0009-what-the-sources-say', up: whatTheSourcesSay.up },
  { name: '0010-search', up: search.up },
  { name: '0011-meeting-rules', up: meetingRules.up },
  { name: '0012-period-closing', up: periodClosing.up },
  { name: '0013-key-figure-facts', up: keyFigureFacts.up },
  { name: '0014-data-scopes', up: dataScopes.up },
  { name: '0015-organisation-register', up: organisationRegister.up },
  { name: '0016-swedish-minutes', up: swedishMinutes.up },
  { name: '0017-scopes-by-column', up: scopesByColumn.up },
  { name: '0018-stored-figures', up: storedFigures.up },
];
