/** Every editable resource of the write API. */
import type { EditableResource } from '../resource.js';
import { callResource } from './calls.js';
import { organisationResource } from './organisations.js';
import { projectResource } from './projects.js';
import { organisationPlaceResource, projectFactsResource } from './key-figure-facts.js';
import { agendaItemResource, decisionResource, meetingResource } from './meetings.js';
import { steeringGroupMemberResource, steeringGroupResource } from './steering-groups.js';
import {
  activityFigureResource,
  contactResource,
  contentAreaResource,
  themeLinkResource,
  themeResource,
} from './theme-content.js';

export const EDITABLE_RESOURCES: EditableResource[] = [
  themeResource,
  contactResource,
  contentAreaResource,
  themeLinkResource,
  activityFigureResource,
  callResource,
  organisationResource,
  projectResource,
  projectFactsResource,
  organisationPlaceResource,
  steeringGroupResource,
  steeringGroupMemberResource,
  meetingResource,
  agendaItemResource,
  decisionResource,
];
