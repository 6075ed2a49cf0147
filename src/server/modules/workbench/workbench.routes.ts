import type { ModulePlugin } from '../../platform/http/module.ts';
import { Workbench } from './workbench.schemas.ts';
import { workbench } from './workbench.service.ts';

export const workbenchRoutes: ModulePlugin = async (app) => {
  app.get(
    '/me/workbench',
    {
      schema: {
        tags: ['workbench'],
        summary: 'What the caller sees first: counts by their roles, each equal to the length of the list it links to (same filters, same read rules)',
        response: { 200: Workbench },
      },
    },
    async (request) => workbench(request.ctx),
  );
};
