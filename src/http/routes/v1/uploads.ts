// POST /api/v1/uploads: a CSV or text list, as multipart/form-data (field `file`) or as the raw body,
// read as a stream into a batch (src/uploads), or previewed (dry_run) without a charge.
import multipart from '@fastify/multipart';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Readable } from 'node:stream';
import Type from 'typebox';
import { invalidField as invalid } from '../../../lib/errors.js';
import { receiveUpload } from '../../../uploads/upload-submit.js';
import { deferred } from '../../deferred-compile.js';
import { ApiError } from '../../errors.js';
import { rateLimit } from '../../rate-limit.js';
import { routes } from '../../route-plugin.js';
import { FORMATS } from '../../../webhooks/formats/index.js';
import { checkExtraHeaders } from '../../../webhooks/webhook-headers.js';
import {
  cleanFileName,
  fieldOptions,
  givenLayout,
  headersObject,
  UploadOptions,
  UploadPreview,
  UploadSummary,
} from '../../upload-options.js';
import { fallbackCountry } from '../../item-fields.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,255}$/;
/** Raw bodies taken as the file. */
const RAW_TYPES = ['text/csv', 'text/plain', 'text/tab-separated-values', 'application/octet-stream'];
/** Room for the multipart framing around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

const FileBody = Type.String({ format: 'binary', description: 'The file: CSV (any of , ; tab |) or one value a line' });

export default routes(async (app, { ctx, rateLimits }) => {
  const { uploads, batches, publicUrl } = ctx.config;
  await app.register(multipart, {
    limits: { fileSize: uploads.maxBytes + 1, files: 1, fields: 20, fieldSize: 4096, parts: 22 },
  });
  // The body is left as the request's stream: the upload reads it (its size is counted there).
  app.addContentTypeParser(RAW_TYPES, (_request, payload, done) => done(null, payload));
  let text: Ajv | undefined;
  const compiler = () => (text ??= addFormats(new Ajv({ strict: false, coerceTypes: 'array', useDefaults: true })));
  let reading = 0;

  app.post(
    '/uploads',
    {
      // The body is a stream, checked while it is read; the query and headers as everywhere else.
      validatorCompiler: ({ schema, httpPart }) =>
        httpPart === 'body' ? () => true : deferred(() => compiler().compile(schema as object)),
      preHandler: rateLimit(rateLimits, { name: 'uploads', perMinute: uploads.perMinute }),
      schema: {
        operationId: 'createUpload',
        tags: ['uploads'],
        summary: 'Upload a CSV or text list of phones or emails: a batch of its distinct items, or a preview (dry_run)',
        description:
          `Send the file as multipart/form-data (field \`file\`, option fields before it) or as the raw body (text/csv, ` +
          `text/plain), up to ${uploads.maxBytes} bytes and ${uploads.maxRows} data rows. UTF-8 (with or without BOM), ` +
          'UTF-16 with BOM or Windows-1252; the delimiter, the header row, the column to check and its kind are detected ' +
          'unless given. Items are deduplicated by meaning; one credit per distinct item; rows with nothing to check are ' +
          'free. `dry_run=true` answers the counts and the credits needed and charges nothing. Otherwise 202 with the ' +
          'batch: follow `status_url`, then download `results_url` (every row of the file, its fields unchanged, then ' +
          "Sieve's verdict). An `Idempotency-Key` header (same options, same bytes) makes retries safe for 24 hours.",
        headers: Type.Object({ 'idempotency-key': Type.Optional(Type.String()) }),
        querystring: UploadOptions,
        body: {
          content: {
            'multipart/form-data': {
              schema: Type.Object({ ...UploadOptions.properties, file: FileBody }, { required: ['file'] }),
            },
            'text/csv': { schema: FileBody },
            'text/plain': { schema: FileBody },
          },
        },
        response: {
          200: UploadPreview,
          202: Type.Object({
            batch_id: Type.String(),
            status: Type.Union([Type.Literal('queued'), Type.Literal('completed')], {
              description: 'completed at once when no row has anything to check',
            }),
            total: Type.Integer({ description: 'Distinct items' }),
            level: Type.String(),
            credits_charged: Type.Integer(),
            credits_remaining: Type.Integer(),
            webhook_configured: Type.Boolean(),
            status_url: Type.String(),
            source: Type.Literal('upload'),
            file_name: Type.String(),
            results_url: Type.String({ description: 'results.csv of the batch, once it has ended' }),
            upload: UploadSummary,
          }),
        },
        errors: [
          'insufficient_credits',
          'idempotency_key_reused',
          'rate_limited',
          'level_not_supported',
          'webhook_url_invalid',
          'webhook_url_forbidden',
          'webhook_url_unresolvable',
          'webhook_url_insecure',
          'upload_empty',
          'upload_not_text',
          'upload_no_column',
          'upload_row_too_large',
          'upload_malformed',
          'upload_too_large',
          'upload_too_many_rows',
        ],
      },
    },
    async (request, reply) => {
      const principal = request.principal as NonNullable<typeof request.principal>;
      const declared = Number(request.headers['content-length'] ?? 0);
      if (declared > uploads.maxBytes + (request.isMultipart() ? MULTIPART_OVERHEAD : 0)) {
        reply.header('Connection', 'close');
        throw new ApiError('upload_too_large', `The file is larger than ${uploads.maxBytes} bytes (UPLOAD_MAX_BYTES)`);
      }
      if (reading >= uploads.concurrency) {
        reply.header('Connection', 'close');
        throw new ApiError('service_unavailable', 'This server is reading as many uploads as it takes at once; retry shortly', {
          headers: { 'Retry-After': '5' },
        });
      }
      reading++;
      try {
        let options: UploadOptions = request.query;
        let body: AsyncIterable<Buffer>;
        let fileName: string | undefined;
        if (request.isMultipart()) {
          const file = await request.file();
          if (!file) throw invalid('body.file', 'is required: send the list in the multipart field `file`');
          if (file.fieldname !== 'file') throw invalid(`body.${file.fieldname}`, 'the list goes in the field `file`');
          const fields: Record<string, string> = {};
          for (const part of Object.values(file.fields)) {
            const one = Array.isArray(part) ? part[0] : part;
            if (one && one.type === 'field') fields[one.fieldname] = String(one.value);
          }
          options = { ...options, ...fieldOptions(fields) };
          body = file.file;
          fileName = file.filename;
        } else {
          body = request.body as Readable;
          // A body another parser already read (JSON, a form) is not a file.
          if (typeof body?.[Symbol.asyncIterator] !== 'function') {
            throw new ApiError('unsupported_media_type', `Send the file as multipart/form-data or as ${RAW_TYPES.join(', ')}`);
          }
        }
        fileName = cleanFileName(options.filename ?? fileName);
        const level = options.level ?? 'basic';
        if (level === 'hlr') {
          throw new ApiError('level_not_supported', 'level "hlr" (a live network look-up) is not offered; use "basic"');
        }
        if (level !== 'basic') throw invalid('query.level', 'must be "basic"');
        if (options.webhook_secret !== undefined && options.webhook_url === undefined) {
          throw invalid('query.webhook_secret', 'needs a webhook_url');
        }
        for (const field of ['webhook_format', 'webhook_headers'] as const) {
          if (options[field] !== undefined && options.webhook_url === undefined)
            throw invalid(`query.${field}`, 'needs a webhook_url');
        }
        const webhookFormat = options.webhook_format ?? 'batch';
        const webhookHeaders = checkExtraHeaders(
          headersObject(options.webhook_headers),
          FORMATS[webhookFormat],
          null,
          'query.webhook_headers',
        );
        if (options.webhook_url !== undefined) await ctx.webhooks.vetUrl(options.webhook_url, 'query.webhook_url', webhookFormat);
        const key = request.headers['idempotency-key'];
        if (key !== undefined && !IDEMPOTENCY_KEY.test(key)) {
          throw invalid('headers.idempotency-key', 'must be 1 to 255 visible ASCII characters');
        }
        const outcome = await receiveUpload(ctx.db, ctx.queue, {
          body,
          fileName,
          given: givenLayout(options),
          dryRun: options.dry_run ?? false,
          settings: {
            accountId: principal.accountId,
            level,
            country: fallbackCountry(options.country),
            smtpCheck: options.smtp_check,
            webhookUrl: options.webhook_url,
            webhookSecret: options.webhook_secret,
            webhookFormat,
            webhookHeaders,
            baseUrl: publicUrl ?? `${request.protocol}://${request.host}`,
            onDebit: ctx.webhooks.outbox.usageObserver(),
            hooks: ctx.batchHooks,
          },
          idempotencyKey: key,
          options: { ...options, file_name: fileName },
          limits: { maxBytes: uploads.maxBytes, maxRows: uploads.maxRows },
          chunkSizes: { phone: batches.phoneChunk, email: batches.emailChunk },
        });
        if (outcome.dryRun) return reply.code(200).send(outcome.preview as never);
        if (outcome.replayed) {
          reply.header('Idempotent-Replayed', 'true');
          return reply.code(outcome.statusCode as 202).send(outcome.body as never);
        }
        request.log.info({ batch_id: outcome.body.batch_id, total: outcome.body.total, file: fileName }, 'upload accepted');
        return reply.code(202).send(outcome.body as never);
      } catch (err) {
        // The rest of the body may still be coming: the connection ends with the answer, not after the file.
        reply.header('Connection', 'close');
        throw err;
      } finally {
        reading--;
      }
    },
  );
});
