/**
 * Compresses answers the client accepts compressed (Brotli at quality 4, or gzip) when they are text
 * or JSON of at least 1 KB, including the streamed export. Answers already compressed are left alone:
 * the public cache sends its stored gzip with Content-Encoding set, and PDF and DOCX files are
 * compressed formats already (mime-db marks them not compressible). Registered after the public
 * cache, so the cache stores the plain answer and this compresses it on the way out.
 *
 * Request bodies are not decompressed: no route needs it, and a small gzip body can unpack to far
 * more than its body limit.
 */
import type { FastifyInstance } from 'fastify';
import fastifyCompress from '@fastify/compress';

export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    global: true,
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: 1024,
  });
}
