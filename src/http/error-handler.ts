// Maps errors to answers people can read: Chinese first, English after, never a stack trace.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { PlanDocumentError } from '../domain/plan/model.ts';
import { NotFoundError, ValidationError, VersionConflictError } from '../services/errors.ts';

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(error)) {
    return reply.status(400).send({
      error: 'validation',
      message: '请求参数不正确 / invalid request',
      details: error.validation.map((v) => ({ path: v.instancePath, message: v.message })),
    });
  }
  if (error instanceof NotFoundError) return reply.status(404).send({ error: 'not-found', message: error.message });
  if (error instanceof VersionConflictError) {
    return reply.status(409).send({ error: 'version-conflict', message: error.message, current: error.current });
  }
  if (error instanceof ValidationError) {
    return reply.status(400).send({ error: 'validation', message: error.message, details: error.details });
  }
  if (error instanceof PlanDocumentError) {
    return reply.status(422).send({ error: error.code, message: error.message });
  }
  if (error.statusCode && error.statusCode < 500) {
    return reply.status(error.statusCode).send({ error: error.code ?? 'bad-request', message: error.message });
  }
  request.log.error(error);
  return reply.status(500).send({ error: 'internal', message: '服务器内部错误，请稍后重试 / internal error' });
}
