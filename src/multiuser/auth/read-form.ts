import type { IncomingMessage } from 'node:http';

/** Bodies of the login forms are small; a bigger one is refused before it is read whole. */
export const MAX_FORM_BYTES = 16 * 1024;

/** The string fields of a form, or why it could not be read (with the status to answer). */
export type FormResult = { ok: true; fields: Map<string, string> } | { ok: false; status: 400 | 413 | 415; reason: string };

function readBytes(request: IncomingMessage, limit: number): Promise<Buffer | 'too large' | 'aborted'> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return Promise.resolve('too large');
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const finish = (result: Buffer | 'too large' | 'aborted') => {
      request.off('data', onData).off('end', onEnd).off('error', onError).off('aborted', onError);
      resolve(result);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) finish('too large');
      else chunks.push(chunk);
    };
    const onEnd = () => finish(Buffer.concat(chunks));
    const onError = () => finish('aborted');
    request.on('data', onData).on('end', onEnd).on('error', onError).on('aborted', onError);
  });
}

/** A JSON body's top-level string fields (tests and scripts post JSON); other values are dropped. */
function jsonFields(text: string): Map<string, string> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  return new Map(Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
}

/**
 * The fields of a POSTed form: application/x-www-form-urlencoded (the pages) or application/json.
 * Never throws: a malformed, oversized or cut-off body is a refusal with a reason.
 */
export async function readForm(request: IncomingMessage, limit = MAX_FORM_BYTES): Promise<FormResult> {
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded' && type !== 'application/json') {
    return { ok: false, status: 415, reason: 'Send the form as application/x-www-form-urlencoded or application/json.' };
  }
  const body = await readBytes(request, limit);
  if (body === 'too large') return { ok: false, status: 413, reason: `The form is larger than ${limit / 1024} KB.` };
  if (body === 'aborted') return { ok: false, status: 400, reason: 'The form was cut off.' };
  const text = body.toString('utf8');
  if (type === 'application/x-www-form-urlencoded') {
    // URLSearchParams never throws; a malformed %-escape stays as written.
    const fields = new Map<string, string>();
    for (const [name, value] of new URLSearchParams(text)) if (!fields.has(name)) fields.set(name, value);
    return { ok: true, fields };
  }
  const fields = jsonFields(text);
  return fields ? { ok: true, fields } : { ok: false, status: 400, reason: 'The body is not a JSON object.' };
}
