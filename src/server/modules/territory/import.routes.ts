import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { AppError } from '../../platform/errors/app-error.ts';
import { cleanFileName } from '../../platform/http/file-name.ts';
import type { ModulePlugin } from '../../platform/http/module.ts';
import { StringEnum } from '../../platform/http/schema.ts';
import { exportRegister } from './import.export.ts';
import { listTagSynonyms, putTagSynonyms } from './import.synonyms.ts';
import { readJob, recentJobs } from './import.job.ts';
import { ImportJobView, ImportReport, TagSynonym, TagSynonymsView } from './register.schemas.ts';
import { IdParams } from './structure.schemas.ts';
import { dryRunWorkbook, importResidents, MAX_IMPORT_BYTES, type ImportInput } from './import.service.ts';


const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function readForm(request: FastifyRequest): Promise<ImportInput> {
  if (!request.isMultipart()) throw new AppError('request.unsupported_media');
  const input: ImportInput = {};
  for await (const part of request.parts({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } })) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file') {
        await part.toBuffer();
        continue;
      }
      input.file = await part.toBuffer();
      input.fileName = cleanFileName(part.filename) || undefined;
    } else if (part.fieldname === 'communityId' || part.fieldname === 'mode' || part.fieldname === 'sheet') {
      input[part.fieldname] = String(part.value).trim();
    }
  }
  return input;
}

const FORM =
  'multipart/form-data: communityId, sheet (optional: which sheet of an XLSX with several registers), file (≤ 10 MB, ≤ 50,000 rows; ' +
  'XLSX, or CSV/tab-separated text in UTF-8, UTF-16 or GB18030). The header may sit under title rows. Columns: ' +
  '网格编码/grid_code, 地址/address, 楼栋/building, 户号/household_no, 姓名/name, 身份证号/id_number, ' +
  '手机号/phone, 与户主关系/relation (GB/T 4761 terms or codes), 标签/tags (names or synonyms).';

const ExportQuery = Type.Object({
  unit: StringEnum(['street', 'community', 'grid'] as const),
  id: Type.String({ format: 'uuid' }),
  reveal: Type.Optional(Type.Boolean({ description: 'full ID and phone numbers (reveal permission needed)' })),
});

export const importRoutes: ModulePlugin = async (app) => {
  app.get(
    '/districts/:id/tag-synonyms',
    { schema: { tags: ['territory'], summary: 'Words the import reads as each tag, built in and the district\'s own', params: IdParams, response: { 200: TagSynonymsView } } },
    (req) => listTagSynonyms(req.ctx, req.params.id),
  );
  app.put(
    '/districts/:id/tag-synonyms',
    {
      schema: {
        tags: ['territory'],
        summary: "Replace the district's own tag synonyms (audited)",
        params: IdParams,
        body: Type.Object({ synonyms: Type.Array(TagSynonym, { maxItems: 500 }) }),
        response: { 200: TagSynonymsView },
      },
    },
    (req) => putTagSynonyms(req.ctx, req.params.id, req.body),
  );
  app.get(
    '/exports/residents',
    {
      schema: {
        tags: ['territory'],
        summary: 'The register of a street, community or grid as XLSX, in the import layout (audited)',
        querystring: ExportQuery,
        produces: [XLSX_TYPE],
      },
    },
    async (req, reply) => {
      const { name, file } = await exportRegister(req.ctx, req.query);
      const fileName = `${name}-居民登记表.xlsx`;
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="register.xlsx"; filename*=UTF-8''${encodeURIComponent(fileName)}`)
        .send(file);
    },
  );
  app.post(
    '/imports/residents',
    {
      schema: {
        tags: ['territory'],
        summary: 'Import households and residents from CSV or XLSX (dry run or commit)',
        description:
          `${FORM} Also mode (dry_run | commit). Bad rows are reported and skipped; good rows commit in one transaction. ` +
          'A register of more rows than one batch (IMPORT_BATCH_ROWS) is checked at once and answered with mode "job": ' +
          'its writes follow in batches, each one transaction; read its progress at /imports/jobs/{id}.',
        consumes: ['multipart/form-data'],
        response: { 200: ImportReport },
      },
    },
    async (request) => importResidents(request.ctx, await readForm(request)),
  );
  app.get(
    '/imports/jobs',
    {
      schema: {
        tags: ['territory'],
        summary: "A community's latest five import jobs, newest first (one still running among them)",
        querystring: Type.Object({ communityId: Type.String({ format: 'uuid' }) }),
        response: { 200: Type.Object({ items: Type.Array(ImportJobView) }) },
      },
    },
    (req) => recentJobs(req.ctx, req.query.communityId),
  );
  app.get(
    '/imports/jobs/:id',
    {
      schema: {
        tags: ['territory'],
        summary: 'A large import being written in batches: its progress, then what it did',
        description: 'Readable by the staff who may import into its community; for anyone else it does not exist (404).',
        params: IdParams,
        response: { 200: ImportJobView },
      },
    },
    (req) => readJob(req.ctx, req.params.id),
  );
  app.post(
    '/imports/residents/report',
    {
      schema: {
        tags: ['territory'],
        summary: 'The dry run as an XLSX: the rows of the file with a column of problems',
        description: `${FORM} Answers an XLSX file; nothing is written.`,
        consumes: ['multipart/form-data'],
        produces: [XLSX_TYPE],
      },
    },
    async (request, reply) => {
      const book = await dryRunWorkbook(request.ctx, await readForm(request));
      return reply
        .header('content-type', XLSX_TYPE)
        .header('content-disposition', `attachment; filename="import-report.xlsx"; filename*=UTF-8''${encodeURIComponent('导入检查报告.xlsx')}`)
        .send(book);
    },
  );
};
