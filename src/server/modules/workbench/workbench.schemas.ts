import { Type, type Static } from 'typebox';
import { StringEnum, Uuid } from '../../platform/http/schema.ts';
import { NEED_STATES } from '../needs/index.ts';

const Count = (description: string) => Type.Integer({ minimum: 0, description });

/**
 * What a person sees first: counts, each equal to the length of the list it links to (named in
 * its description; the web links to that list). A part is present only for roles that do its work.
 */
export const Workbench = Type.Object({
  community: Type.Optional(
    Type.Object({
      triage: Count('GET /needs?state=reported'),
      overdue: Count('GET /needs?overdue=true'),
      assignedToMe: Count('GET /needs?handlerUserId={me}&open=true'),
      awaitingResidents: Count('GET /needs?state=resolved'),
    }),
  ),
  care: Type.Optional(
    Type.Array(Type.Object({ gridId: Uuid, gridName: Type.String(), due: Count('the total of GET /visit-worklist?gridId={gridId}') }), {
      description: 'the grids with care visits due today',
    }),
  ),
  reported: Type.Optional(
    Type.Array(Type.Object({ state: StringEnum(NEED_STATES), count: Count('GET /needs?recordedByUserId={me}&state={state}') }), {
      description: 'the needs the caller recorded, by state',
    }),
  ),
  oversight: Type.Optional(
    Type.Array(
      Type.Object({
        level: StringEnum(['street', 'community']),
        unitId: Uuid,
        unitName: Type.String(),
        overdue: Count('GET /needs?{level}Id={unitId}&overdue=true'),
        awaitingResidents: Count('GET /needs?{level}Id={unitId}&state=resolved'),
      }),
      { description: 'the streets of the caller\'s districts, the communities of their streets: those with any' },
    ),
  ),
  resident: Type.Optional(
    Type.Object({
      awaitingYou: Count('the needs of GET /needs that offer the caller `confirm`'),
      open: Count('GET /needs?open=true'),
    }),
  ),
  otherRoles: Type.Array(Type.String(), { description: 'roles the caller holds whose work has no part here yet' }),
});
export type Workbench = Static<typeof Workbench>;
