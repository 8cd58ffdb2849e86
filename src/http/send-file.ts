// Every download the API answers (attachments, templates, exports, reports): the exact — usually Chinese — file
// name RFC 5987-encoded with an ASCII fallback for old clients, and nosniff so a browser never second-guesses the
// stored type (an uploaded file must not run as a page).
import type { FastifyReply } from 'fastify';

export function sendFile(
  reply: FastifyReply,
  file: { fileName: string; contentType: string; bytes: Uint8Array },
  asciiName = file.fileName.replace(/[^\x20-\x7e]/g, '_').replace(/"/g, ''),
) {
  const { bytes } = file;
  return reply
    .header('content-type', file.contentType)
    .header('content-disposition', `attachment; filename="${asciiName}"; filename*=UTF-8''${encodeURIComponent(file.fileName)}`)
    .header('x-content-type-options', 'nosniff')
    .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}
