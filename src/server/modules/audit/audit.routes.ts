import type { ModulePlugin } from '../../platform/http/module.ts';
import { AuditPage, AuditQuery } from './audit.schemas.ts';
import { listAuditRecords } from './audit.service.ts';

/** Read-only on purpose: no route changes or deletes audit records (DESIGN 5). */
export const auditRoutes: ModulePlugin = async (app) => {
  app.get(
    '/audit',
    {
      schema: {
        tags: ['audit'],
        summary: 'Audit records, newest first (platform admin: all; district officer: own district)',
        querystring: AuditQuery,
        response: { 200: AuditPage },
      },
    },
    async (request) => listAuditRecords(request.ctx, request.query),
  );
};
