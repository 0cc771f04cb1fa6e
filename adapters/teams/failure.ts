/**
 * A failed call to the Bot Connector in one log line: the HTTP status and the connector's own
 * error code and message, without the client library's request dump and stack (1.5 kB a failure).
 */
export function describeConnectorFailure(error: unknown): { status?: number; error: string } {
  const e = error as { response?: { status?: unknown; data?: { error?: { code?: unknown; message?: unknown } } }; status?: unknown; message?: unknown; code?: unknown };
  const status = typeof e?.response?.status === 'number' ? e.response.status : typeof e?.status === 'number' ? e.status : undefined;
  const detail = e?.response?.data?.error;
  const text = [detail?.code, detail?.message].filter((x) => typeof x === 'string' && x).join(': ') || (typeof e?.message === 'string' ? e.message : String(error));
  return { ...(status !== undefined ? { status } : {}), error: text.split('\n')[0]!.slice(0, 300) };
}
