import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { envelope } from '../../http/errors.ts';
import { ImportInvalidError, importPeople } from './import-people.ts';
import { writePeopleTemplate } from './people-sheet.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const issueView = z.object({
  row: z.number().int(),
  column: z.string(),
  message: z.string(),
  message_en: z.string(),
});

/**
 * People from a spreadsheet (docs/IMPORT.md). The file travels base64 in a JSON body, so
 * it is bounded by BODY_LIMIT_BYTES (1 MiB by default, some 750 KB of file); larger
 * files go through `luoshi import people <file.xlsx>`.
 */
export function registerPeopleImportRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['people'];

  app.post('/api/people/import', {
    schema: {
      tags,
      summary: 'Add and update people and their posts from an .xlsx sheet, all or nothing',
      description:
        'Sheet 人员 (see the template). Every row is checked first: any problem gives 422 IMPORT_INVALID with all of them, each with its row and column, and nothing is written. A malformed file gives 400 BAD_FILE.',
      body: z.strictObject({
        /** The .xlsx file, base64. */
        content: z.base64().min(1),
      }),
      response: {
        200: z.object({
          created: z.number().int(),
          updated: z.number().int(),
          unchanged: z.number().int(),
          posts: z.number().int(),
        }),
        422: z.object({
          error: z.object({
            code: z.literal('IMPORT_INVALID'),
            message: z.string(),
            message_en: z.string(),
            errors: z.array(issueView),
          }),
        }),
      },
    },
    config: { action: 'person.manage' },
    handler: async (request, reply) => {
      try {
        return await importPeople({
          db: ctx.db,
          clock: ctx.clock,
          caller: actorOf(request),
          content: Buffer.from(request.body.content, 'base64'),
        });
      } catch (error) {
        // The shared envelope, with the list of problems added.
        if (!(error instanceof ImportInvalidError)) throw error;
        const { code, message, message_en } = envelope(error).error;
        return reply.status(422).send({
          error: { code: code as 'IMPORT_INVALID', message, message_en, errors: error.errors },
        });
      }
    },
  });

  // Through the untyped instance: the zod type provider would type the reply as the string schema.
  root.get('/api/people/import-template.xlsx', {
    schema: {
      tags,
      summary: 'The import template: headers, one example row and a sheet of explanations',
      response: {
        200: {
          description: 'An .xlsx workbook',
          content: { [XLSX]: { schema: z.string().describe('binary') } },
        },
      },
    },
    config: { action: 'person.manage' },
    handler: async (_request, reply) => {
      const file = await writePeopleTemplate();
      return reply
        .type(XLSX)
        .header(
          'content-disposition',
          `attachment; filename="people-import.xlsx"; filename*=UTF-8''${encodeURIComponent('人员导入模板.xlsx')}`,
        )
        .send(file);
    },
  });
}
