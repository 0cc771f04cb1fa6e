import { sendJson, type Route } from './server.ts';

/** `GET /healthz`: 200 while the database answers, with its schema version for operators. */
export function healthRoute(probe: () => { schemaVersion: number }, version: string): Route {
  return {
    method: 'GET',
    path: '/healthz',
    handle(_req, res) {
      try {
        sendJson(res, 200, { status: 'ok', version, schemaVersion: probe().schemaVersion });
      } catch {
        sendJson(res, 503, { status: 'unavailable' });
      }
    },
  };
}
