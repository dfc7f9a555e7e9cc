import { UserFacingError } from '../shared/errors';
import { mediaTypeOfUpload } from './extract';
import { MAX_CAPTURE_BYTES, type CaptureInput } from './write';

/** Room for the multipart framing and small fields around the file. */
const FORM_OVERHEAD = 64 * 1024;

/** Reads at most `limit` bytes of a request body, stopping early (a lying Content-Length cannot force a big read). */
async function readBodyLimited(request: Request, limit: number): Promise<Buffer> {
  const declared = Number(request.headers.get('content-length') ?? '0');
  if (declared > limit) throw new UserFacingError('payload_too_large', `an archived copy may be at most ${MAX_CAPTURE_BYTES / 1024 / 1024} MB`, 'file');
  if (!request.body) return Buffer.alloc(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new UserFacingError('payload_too_large', `an archived copy may be at most ${MAX_CAPTURE_BYTES / 1024 / 1024} MB`, 'file');
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

/** The file of a multipart upload (field `file`), with its declared or inferred media type. */
export async function readCaptureUpload(request: Request): Promise<CaptureInput> {
  const body = await readBodyLimited(request, MAX_CAPTURE_BYTES + FORM_OVERHEAD);
  let form: FormData;
  try {
    form = await new Response(new Uint8Array(body), { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData();
  } catch {
    throw new UserFacingError('invalid', 'the body is not valid multipart/form-data', 'file');
  }
  const file = form.get('file');
  if (!file || typeof file === 'string') throw new UserFacingError('invalid', 'attach the archived copy as the form field "file"', 'file');
  for (const key of form.keys()) if (key !== 'file') throw new UserFacingError('invalid', `unknown field "${key}": it is not accepted here`, key);
  const mediaType = mediaTypeOfUpload(file.type, file.name);
  if (!mediaType) throw new UserFacingError('unsupported_media_type', `archived copies are HTML, plain text or PDF; "${file.name}" is ${file.type || 'of no declared type'}`, 'file');
  const bytes = Buffer.from(await file.arrayBuffer());
  return { bytes, mediaType, fileName: file.name.slice(0, 255) || null, method: 'upload' };
}
