/**
 * The open dataset's tables and columns: the one list that the export writes (in this order),
 * the data dictionary documents and the tests check. Only public data: no users, tokens,
 * sessions, proposals or rejected entries, no pending or rejected sources, no archived copies'
 * texts, and no names or emails of the people who wrote entries (authors and actors).
 */

export interface ColumnSpec {
  name: string;
  type: 'string' | 'number' | 'boolean' | 'date' | 'datetime' | 'json';
  description: string;
}

export interface TableSpec {
  name: string;
  description: string;
  columns: ColumnSpec[];
}

const s = (name: string, description: string): ColumnSpec => ({ name, type: 'string', description });
const n = (name: string, description: string): ColumnSpec => ({ name, type: 'number', description });

export const OPEN_DATA_TABLES: TableSpec[] = [
  {
    name: 'claims',
    description: 'Every published claim (listed or withdrawn; never drafts), at its current revision.',
    columns: [
      s('id', 'Stable claim id; the claim page is /claims/{id}.'),
      s('url', 'The claim page.'),
      n('revision', 'The claim file revision; /claims/{id}/v/{revision} is its permalink.'),
      s('title', 'Short title.'),
      s('statement', 'The claim as checked, in English.'),
      s('claimant', 'Who made the claim.'),
      { name: 'topics', type: 'json', description: 'JSON array of topic names.' },
      s('original_lang', 'BCP 47 language of the original wording.'),
      s('original_text', 'The claim as originally worded, verbatim.'),
      s('original_translation', 'English translation of the original wording.'),
      s('file_verdict', 'The verdict in the claim file (see verdict scale in the data dictionary).'),
      { name: 'file_verdict_date', type: 'date', description: 'Date of the file verdict.' },
      s('summary', 'Plain-text summary of the file verdict (may be empty).'),
      s('current_verdict', 'The verdict in force: the newest confidence note that set one, else the file verdict.'),
      { name: 'current_verdict_date', type: 'date', description: 'Date of the current verdict.' },
      { name: 'current_confidence', type: 'number', description: 'Confidence 0–1 from the newest note that set one; empty when none.' },
      { name: 'last_reviewed', type: 'date', description: 'Newest of the verdict, note and evidence dates.' },
      { name: 'withdrawn', type: 'boolean', description: 'true when the claim was withdrawn.' },
      { name: 'withdrawn_at', type: 'datetime', description: 'When it was withdrawn.' },
    ],
  },
  {
    name: 'quantities',
    description: 'The figure a claim states, where it states one (one row per such claim).',
    columns: [
      s('claim_id', 'The claim.'),
      s('measure', 'What is measured.'),
      n('value', 'The stated value (empty for a range).'),
      n('low', 'Low end of a stated range.'),
      n('high', 'High end of a stated range.'),
      s('unit', 'USD, percent, ratio, count or percentage-points.'),
      { name: 'as_of', type: 'date', description: 'The date the figure refers to.' },
    ],
  },
  {
    name: 'sources',
    description: 'Every accepted source (never pending or rejected ones); merged ones name the record they were merged into.',
    columns: [
      s('id', 'Stable source id; the source page is /sources/{id}.'),
      s('title', 'Title as published.'),
      s('publisher', 'Publisher.'),
      { name: 'authors', type: 'json', description: 'JSON array of author names as published.' },
      s('published', 'Publication date: YYYY, YYYY-MM or YYYY-MM-DD.'),
      s('url', 'The original URL, when public.'),
      { name: 'copies', type: 'json', description: 'JSON array of labelled copies (mirror, repost, archive) with their URLs.' },
      { name: 'accessed', type: 'date', description: 'When we read it.' },
      s('type', 'report, news, paper, dataset, official-statistics, podcast, blog or social.'),
      s('lang', 'BCP 47 language.'),
      s('reliability', 'Grade A–D, or U (unrated).'),
      s('reliability_reason', 'Why that grade.'),
      { name: 'verified', type: 'boolean', description: 'true when we read the text this record cites.' },
      s('licence', 'The licence of the source text, when known.'),
      s('merged_into', 'The source this record was merged into, if any.'),
    ],
  },
  {
    name: 'evidence',
    description: 'Accepted evidence entries on published claims (never proposals or rejected entries), retracted ones marked.',
    columns: [
      s('id', 'Stable evidence id.'),
      s('claim_id', 'The claim it bears on.'),
      s('source_id', 'The source quoted.'),
      s('stance', 'supports, contradicts, qualifies or context.'),
      s('target', 'What of the claim it bears on: value, attribution, date, causality or whole.'),
      s('excerpt', 'The quoted passage, verbatim (third-party text: quoted, not relicensed).'),
      s('lang', 'BCP 47 language of the excerpt.'),
      s('translation', 'English translation of the excerpt.'),
      s('locator', 'Where in the source (page, section, timestamp).'),
      n('value', 'A figure the excerpt states.'),
      s('unit', 'Its unit.'),
      s('as_of', 'The date the figure refers to.'),
      s('note', 'Editorial note.'),
      { name: 'retracted_at', type: 'datetime', description: 'When it was retracted (it then no longer counts).' },
      s('retracted_reason', 'Why.'),
      { name: 'created_at', type: 'datetime', description: 'When it was added.' },
    ],
  },
  {
    name: 'confidence_notes',
    description: 'Confidence notes on published claims: each sets a confidence, a verdict or both, with the reason.',
    columns: [
      s('id', 'Stable note id.'),
      s('claim_id', 'The claim.'),
      n('confidence', 'Confidence 0–1, when the note sets one.'),
      s('verdict', 'The verdict the note sets, if any.'),
      s('reason', 'Why.'),
      { name: 'evidence_ids', type: 'json', description: 'JSON array of the evidence ids it rests on.' },
      { name: 'created_at', type: 'datetime', description: 'When it was written.' },
    ],
  },
  {
    name: 'revisions',
    description: 'The revision log of everything above (claims, accepted evidence, notes, accepted sources): what changed, when and why. Who is left out.',
    columns: [
      n('id', 'Log entry id (increasing).'),
      s('entity_type', 'claim, source, evidence or confidence_note.'),
      s('entity_id', 'Id of the record.'),
      s('claim_id', 'The claim the record belongs to (empty for a source).'),
      n('revision', 'The record revision this entry made.'),
      s('action', 'create, update, accept, retract, restore, merge, withdraw, reinstate…'),
      s('reason', 'Why, when given.'),
      { name: 'changes', type: 'json', description: 'JSON object {field: [before, after]}, for the public fields of that table only.' },
      { name: 'created_at', type: 'datetime', description: 'When.' },
    ],
  },
];

/** The ledger's own content (claims, verdicts, notes, the revision log). */
export const OPEN_DATA_LICENCE = {
  name: 'CC BY 4.0',
  url: 'https://creativecommons.org/licenses/by/4.0/',
  text: `Claim Ledger open data

The ledger's own content in this dataset (claims, verdicts, summaries, confidence notes, source
records, evidence metadata and the revision log) is licensed under the Creative Commons
Attribution 4.0 International licence (CC BY 4.0): https://creativecommons.org/licenses/by/4.0/
Attribute it to "Claim Ledger" with a link to the claim or source page.

Excerpts in evidence.excerpt and claims.original_text are quotations of third-party sources.
They are included as quotations and remain under their own terms (sources.licence says what is
known); this licence does not cover them.
`,
};
