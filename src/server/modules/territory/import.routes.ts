import { AppError } from '../../platform/errors/app-error.ts';
import type { ModulePlugin } from '../../platform/http/module.ts';
import { importResidents, MAX_IMPORT_BYTES } from './import.service.ts';
import { ImportReport } from './register.schemas.ts';


export const importRoutes: ModulePlugin = async (app) => {
  app.post(
    '/imports/residents',
    {
      schema: {
        tags: ['territory'],
        summary: 'Import households and residents from CSV or XLSX (dry run or commit)',
        description:
          'multipart/form-data: communityId, mode (dry_run | commit), file (≤ 5 MB, ≤ 20,000 rows). Columns: ' +
          '网格编码/grid_code, 地址/address, 楼栋/building, 户号/household_no, 姓名/name, 身份证号/id_number, ' +
          '手机号/phone, 与户主关系/relation, 标签/tags. Bad rows are reported and skipped; good rows commit in one transaction.',
        consumes: ['multipart/form-data'],
        response: { 200: ImportReport },
      },
    },
    async (request) => {
      if (!request.isMultipart()) throw new AppError('request.unsupported_media');
      const input: { communityId?: string; mode?: string; file?: Buffer; fileName?: string } = {};
      for await (const part of request.parts({ limits: { fileSize: MAX_IMPORT_BYTES, files: 1 } })) {
        if (part.type === 'file') {
          if (part.fieldname !== 'file') {
            await part.toBuffer();
            continue;
          }
          input.file = await part.toBuffer();
          input.fileName = part.filename;
        } else if (part.fieldname === 'communityId' || part.fieldname === 'mode') {
          input[part.fieldname] = String(part.value).trim();
        }
      }
      return importResidents(request.ctx, input);
    },
  );
};
