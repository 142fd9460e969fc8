/**
 * Translation keys for the codes the API gives (ministries, statuses, organisation types…). Written
 * out literally so that the locale test can check each one exists in every language.
 */
export const MINISTRY_KEYS = {
  TEM: 'common:ministry.TEM',
  OKM: 'common:ministry.OKM',
  STM: 'common:ministry.STM',
  joint: 'common:ministry.joint',
  unknown: 'common:ministry.unknown',
} as const;

export const MINISTRY_ABBREVIATION_KEYS = {
  TEM: 'common:ministryAbbreviation.TEM',
  OKM: 'common:ministryAbbreviation.OKM',
  STM: 'common:ministryAbbreviation.STM',
} as const;

export const STATUS_KEYS = {
  applied: 'common:status.applied',
  negotiation: 'common:status.negotiation',
  granted: 'common:status.granted',
  running: 'common:status.running',
  ended: 'common:status.ended',
} as const;

export const ENTITY_KIND_KEYS = {
  single: 'common:entityKind.single',
  group: 'common:entityKind.group',
} as const;

export const PROJECT_TYPE_KEYS = {
  coordination: 'common:projectType.coordination',
  development: 'common:projectType.development',
  pilot: 'common:projectType.pilot',
  study: 'common:projectType.study',
} as const;

export const ROLE_KEYS = {
  main: 'common:role.main',
  not_stated: 'common:role.not_stated',
  sub: 'common:role.sub',
  partner: 'common:role.partner',
  single: 'common:role.single',
} as const;

export const ORGANISATION_TYPE_KEYS = {
  association: 'common:organisationType.association',
  foundation: 'common:organisationType.foundation',
  university_of_applied_sciences: 'common:organisationType.university_of_applied_sciences',
  university: 'common:organisationType.university',
  municipality: 'common:organisationType.municipality',
  joint_municipal_authority: 'common:organisationType.joint_municipal_authority',
  wellbeing_services_county: 'common:organisationType.wellbeing_services_county',
  state_agency: 'common:organisationType.state_agency',
  company: 'common:organisationType.company',
  parish: 'common:organisationType.parish',
  other: 'common:organisationType.other',
  unknown: 'common:organisationType.unknown',
} as const;

export const CALL_KIND_KEYS = {
  idea: 'calls:kind.idea',
  development: 'calls:kind.development',
  coordination: 'calls:kind.coordination',
  lump_sum: 'calls:kind.lump_sum',
  other: 'calls:kind.other',
} as const;

export const CONTACT_ROLE_KEYS = {
  coordination: 'themes:contactRole.coordination',
  financier: 'themes:contactRole.financier',
  ministry: 'themes:contactRole.ministry',
} as const;

export const MINUTES_STATUS_KEYS = {
  draft: 'meetings:status.draft',
  checked: 'meetings:status.checked',
  approved: 'meetings:status.approved',
  published: 'meetings:status.published',
} as const;

export const GROUP_POSITION_KEYS = {
  chair: 'meetings:position.chair',
  vice_chair: 'meetings:position.vice_chair',
  secretary: 'meetings:position.secretary',
} as const;

/** As the minutes mark people: "pj", "vpj", "siht." */
export const GROUP_POSITION_SHORT_KEYS = {
  chair: 'meetings:positionShort.chair',
  vice_chair: 'meetings:positionShort.vice_chair',
  secretary: 'meetings:positionShort.secretary',
} as const;

export const CAPACITY_KEYS = {
  member: 'meetings:capacity.member',
  deputy: 'meetings:capacity.deputy',
  permanent_expert: 'meetings:capacity.permanent_expert',
  secretary: 'meetings:capacity.secretary',
  guest: 'meetings:capacity.guest',
} as const;

export const ACTION_STATUS_KEYS = {
  open: 'meetings:actionStatus.open',
  done: 'meetings:actionStatus.done',
  cancelled: 'meetings:actionStatus.cancelled',
} as const;

export const REPORT_STATE_KEYS = {
  draft: 'reports:state.draft',
  submitted: 'reports:state.submitted',
  returned: 'reports:state.returned',
  approved: 'reports:state.approved',
} as const;

/** What a saved version of a report was. */
export const REPORT_ACTION_KEYS = {
  create: 'reports:action.create',
  save: 'reports:action.save',
  autosave: 'reports:action.autosave',
  submit: 'reports:action.submit',
  return: 'reports:action.return',
  approve: 'reports:action.approve',
  import: 'reports:action.import',
  other: 'reports:action.other',
} as const;

export const DOCUMENT_KIND_KEYS = {
  review: 'reports:kind.review',
  description: 'reports:kind.description',
} as const;

/** The key for a code, or null for a code this version does not know (shown as the code itself). */
export function keyOf<K extends string, V extends string>(
  keys: Record<K, V>,
  code: string | null | undefined,
): V | null {
  if (code === null || code === undefined) return null;
  return Object.hasOwn(keys, code) ? keys[code as K] : null;
}
