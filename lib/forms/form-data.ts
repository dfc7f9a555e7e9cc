/**
 * HTML forms send strings; the write schemas take the API's JSON shapes. These helpers
 * turn a submitted form into that shape (empty → absent, numbers parsed) so that one
 * schema validates the API, the CLI and the site alike; the schema stays the authority.
 */

export type FormValues = Record<string, string>;

/** The submitted text fields, as typed, to put back into a form that failed validation. */
export function readFormValues(form: FormData): FormValues {
  const values: FormValues = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === 'string' && !key.startsWith('$ACTION')) values[key] = value;
  }
  return values;
}

/** A text field; browsers send textarea line breaks as CRLF, stored as LF like the API's. */
function text(form: FormData, name: string): string | undefined {
  const v = form.get(name);
  if (typeof v !== 'string') return undefined;
  const t = v.trim();
  return t === '' ? undefined : v.replace(/\r\n?/g, '\n');
}

/** A number field: absent when empty; an unparseable entry is passed through for the schema to refuse. */
function numberField(form: FormData, name: string): number | string | undefined {
  const v = text(form, name);
  if (v === undefined) return undefined;
  const n = Number(v.trim());
  return Number.isFinite(n) ? n : v;
}

const EVIDENCE_FIELDS = ['stance', 'target', 'excerpt', 'lang', 'translation', 'locator', 'unit', 'asOf', 'note'] as const;
const SOURCE_FIELDS = ['url', 'title', 'publisher', 'publishedAt', 'type'] as const;

function pickEvidenceFields(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const f of EVIDENCE_FIELDS) {
    const v = text(form, f);
    if (v !== undefined) out[f] = v;
  }
  const value = numberField(form, 'value');
  if (value !== undefined) out.value = value;
  const quantity = quantityFromForm(form);
  if (quantity) out.quantity = quantity;
  return out;
}

/** The figure field (app/_components/figure-field.tsx): the figure as written, parsed by the schema. */
function quantityFromForm(form: FormData): Record<string, unknown> | null {
  const figure = text(form, 'quantity.text');
  if (figure === undefined) return null;
  const out: Record<string, unknown> = { text: figure.trim() };
  const unit = text(form, 'quantity.unit');
  const measure = text(form, 'quantity.measure');
  if (unit !== undefined) out.unit = unit.trim();
  if (measure !== undefined) out.measure = measure.trim();
  return out;
}

/** The add-evidence form → the body of POST /api/claims/{id}/evidence. */
export function evidenceInputFromForm(form: FormData): Record<string, unknown> {
  const out = pickEvidenceFields(form);
  if (form.get('sourceMode') === 'new') {
    const source: Record<string, unknown> = {};
    for (const f of SOURCE_FIELDS) {
      const v = text(form, `source.${f}`);
      if (v !== undefined) source[f] = v;
    }
    out.source = source;
  } else {
    const id = text(form, 'sourceId');
    if (id !== undefined) out.sourceId = id.trim();
  }
  return out;
}

/**
 * The edit-evidence form → the body of PATCH /api/evidence/{id}. Every field is sent:
 * a cleared optional field becomes null, and unchanged ones leave no trace in the history.
 */
export function evidencePatchFromForm(form: FormData): Record<string, unknown> {
  // A cleared figure field removes the figure (quantity: null sets every quantity column empty).
  const out: Record<string, unknown> = { translation: null, locator: null, asOf: null, note: null, quantity: null, ...pickEvidenceFields(form) };
  const id = text(form, 'sourceId');
  if (id !== undefined) out.sourceId = id.trim();
  return out;
}

/** The confidence-note form → the body of POST /api/claims/{id}/confidence. */
export function confidenceInputFromForm(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = { evidenceIds: form.getAll('evidenceIds').filter((v): v is string => typeof v === 'string') };
  const confidence = numberField(form, 'confidence');
  if (confidence !== undefined) out.confidence = confidence;
  const verdict = text(form, 'verdict');
  if (verdict !== undefined) out.verdict = verdict;
  out.reason = text(form, 'reason') ?? '';
  return out;
}

const COPY_LINE = /^\s*(mirror|repost|archive)\s+(\S+)(?:\s+(.*\S))?\s*$/;

/**
 * Archived copies, one per line: "<kind> <url> [note]". A line that does not read so is
 * passed on as is, so the schema names it.
 */
export function parseCopies(textValue: string): unknown[] {
  return textValue
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const m = COPY_LINE.exec(line);
      if (!m) return { url: line.trim(), kind: 'not-a-kind' };
      return { kind: m[1], url: m[2], ...(m[3] ? { note: m[3] } : {}) };
    });
}

export function formatCopies(copies: Array<{ url: string; kind: string; note?: string | null }>): string {
  return copies.map((c) => [c.kind, c.url, c.note ?? ''].join(' ').trim()).join('\n');
}

/**
 * Citations, one per line: "<source-id> [stated|inferred] | locator | inferred by | why". Empty
 * parts are absent; a line that does not read so is passed on for the schema to name.
 */
export function parseCitationLines(textValue: string): unknown[] {
  return textValue
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [head = '', locator, inferredBy, ...why] = line.split('|').map((p) => p.trim());
      const [sourceId = '', basis, ...extra] = head.split(/\s+/);
      const note = why.join(' | ').trim();
      return {
        sourceId: extra.length ? head : sourceId,
        ...(basis ? { basis } : {}),
        ...(locator ? { locator } : {}),
        ...(inferredBy ? { inferredBy } : {}),
        ...(note ? { note } : {}),
      };
    });
}

export function formatCitationLines(cites: Array<{ sourceId: string; basis: string; locator: string | null; inferredBy: string | null; note: string | null }>): string {
  return cites
    .map((c) => {
      const tail = [c.locator ?? '', c.inferredBy ?? '', c.note ?? ''];
      while (tail.length && tail[tail.length - 1] === '') tail.pop();
      return [`${c.sourceId} ${c.basis}`, ...tail].join(' | ');
    })
    .join('\n');
}

/** The edit-source form → the body of PATCH /api/sources/{id} (every field sent). */
export function sourcePatchFromForm(form: FormData): Record<string, unknown> {
  const authors = (text(form, 'authors') ?? '')
    .split(/\r?\n/)
    .map((a) => a.trim())
    .filter(Boolean);
  return {
    title: text(form, 'title') ?? '',
    url: text(form, 'url')?.trim() ?? null,
    publisher: text(form, 'publisher') ?? null,
    publishedAt: text(form, 'publishedAt')?.trim() ?? null,
    type: text(form, 'type') ?? '',
    lang: text(form, 'lang')?.trim() ?? '',
    authors,
    reliability: text(form, 'reliability') ?? '',
    reliabilityReason: text(form, 'reliabilityReason') ?? '',
    verified: form.get('verified') === 'on' || form.get('verified') === 'true',
    copies: parseCopies(text(form, 'copies') ?? ''),
    // A form without the field (an older page) leaves the citations as they are.
    ...(form.has('cites') ? { cites: parseCitationLines(text(form, 'cites') ?? '') } : {}),
  };
}

/** A hidden revision field: the revision the editor started from (null when missing or unreadable). */
export function revisionFromForm(form: FormData): number | null {
  const v = form.get('revision');
  if (typeof v !== 'string' || !/^\d+$/.test(v)) return null;
  return Number(v);
}

/**
 * A redirect target after sign-in: a path on this site only. Browsers drop tabs and
 * newlines from URLs and read a backslash as a slash, so "/\t/evil.example" would become
 * "//evil.example": refuse control characters, spaces and backslashes outright, then
 * resolve the path against a dummy origin and keep it only if the origin did not change.
 */
export function safeNextPath(value: unknown, fallback = '/'): string {
  if (typeof value !== 'string' || value.length > 500 || !value.startsWith('/')) return fallback;
  if (/[\u0000-\u0020\u007f\\]/.test(value)) return fallback;
  let url: URL;
  try {
    url = new URL(value, 'http://claim-ledger.invalid');
  } catch {
    return fallback;
  }
  if (url.origin !== 'http://claim-ledger.invalid') return fallback;
  const out = `${url.pathname}${url.search}${url.hash}`;
  // Dot-segments resolve away: "/.//evil.example" comes back as "//evil.example".
  return out.startsWith('//') || out.startsWith('/\\') ? fallback : out;
}
