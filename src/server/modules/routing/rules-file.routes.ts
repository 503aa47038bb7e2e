import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../http/auth.ts';
import type { AppContext } from '../../http/context.ts';
import { envelope } from '../../http/errors.ts';
import { sendXlsx, xlsxResponse } from '../../lib/list-sheet.ts';
import { exportRules } from './export-rules.ts';
import { importRules, RulesImportInvalidError } from './import-rules.ts';

/** The rules page's filters: a category code (a 大类 takes its 小类) or `fallback` (属地兜底 only), an area. */
const rulesExportQuery = z.strictObject({
  category: z
    .string()
    .regex(/^[a-z0-9_]+(\.[a-z0-9_]+)*$/, { error: 'expected a category code or fallback' })
    .max(100)
    .optional(),
  area: z.uuid().optional(),
});

const issueView = z.object({
  row: z.number().int(),
  column: z.string(),
  code: z.string(),
  message: z.string(),
  message_en: z.string(),
});

/**
 * R1: the responsibility catalogue (权责清单) as an .xlsx file, out and in (docs/IMPORT.md).
 * Like the people import, the file travels base64 in a JSON body (every API body is
 * JSON, which keeps cross-site forms out), bounded by BODY_LIMIT_BYTES.
 */
export function registerRulesFileRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['routing'];

  // Through the untyped instance: the zod type provider would type the reply as the string schema.
  root.get('/api/routing/rules.xlsx', {
    schema: {
      tags,
      summary:
        'R1: the responsibility catalogue in my scope as .xlsx (sheet 权责清单): rules valid now or later, filtered like the rules page',
      querystring: rulesExportQuery,
      response: xlsxResponse,
    },
    config: { action: 'routing.read' },
    handler: async (request, reply) => {
      const file = await exportRules({
        db: ctx.db,
        clock: ctx.clock,
        caller: actorOf(request),
        filter: request.query as z.infer<typeof rulesExportQuery>,
      });
      return sendXlsx(reply, file, { en: 'responsibility-rules', zh: '权责清单' }, ctx.clock.now());
    },
  });

  app.post('/api/routing/rules/import', {
    schema: {
      tags,
      summary: 'R1: add responsibility rules from an .xlsx file in the export’s layout, all or nothing',
      description:
        'Sheet 权责清单. Every row is checked (cells first, then each rule as POST /api/routing/rules would); any problem gives 422 IMPORT_INVALID with all of them, each with its row, column and code, and nothing is written. Rows overlapping an existing rule are refused: replacing a rule goes through POST /api/routing/rules with replacesId. A malformed file gives 400 BAD_FILE.',
      body: z.strictObject({
        /** The .xlsx file, base64. */
        content: z.base64().min(1),
      }),
      response: {
        200: z.object({ created: z.number().int() }),
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
    config: { action: 'routing.manage' },
    handler: async (request, reply) => {
      try {
        return await importRules({
          db: ctx.db,
          clock: ctx.clock,
          caller: actorOf(request),
          content: Buffer.from(request.body.content, 'base64'),
        });
      } catch (error) {
        // The shared envelope, with the list of problems added.
        if (!(error instanceof RulesImportInvalidError)) throw error;
        const { message, message_en } = envelope(error).error;
        return reply.status(422).send({
          error: { code: 'IMPORT_INVALID', message, message_en, errors: error.errors },
        });
      }
    },
  });
}
