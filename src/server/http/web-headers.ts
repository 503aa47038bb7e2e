import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Cache headers of the web app's own files (dist/web). The service worker script and
 * the manifest are checked at every visit, so a new build reaches phones at once
 * (C1: the offline call page); the build's hashed files never change and are kept a year.
 */
export async function webAppHeaders(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  if (request.method !== 'GET' && request.method !== 'HEAD') return payload;
  const path = request.url.split('?')[0] ?? '';
  if (path === '/sw.js' || path === '/manifest.webmanifest') {
    reply.header('cache-control', 'no-cache');
  } else if (path.startsWith('/assets/') && reply.statusCode === 200 && !isHtml(reply)) {
    // A missing build file is answered with index.html (the client routes): never kept.
    reply.header('cache-control', 'public, max-age=31536000, immutable');
  }
  return payload;
}

function isHtml(reply: FastifyReply): boolean {
  return String(reply.getHeader('content-type') ?? '').startsWith('text/html');
}
