import type { AddEvidenceLabels } from '@/app/_components/add-evidence-form';
import type { CaptureFormLabels } from '@/app/_components/capture-form';
import type { EditEvidenceLabels, RetractEvidenceLabels } from '@/app/_components/edit-evidence-form';
import type { EvidenceFieldsLabels } from '@/app/_components/evidence-fields';
import type { SourcePickerLabels } from '@/app/_components/source-picker';
import type { SubmitHelpLabels } from '@/app/_components/submit-help';
import type { Translate } from '@/i18n/translator';
import { EVIDENCE_TARGETS, SOURCE_TYPES, STANCES } from '@/lib/shared/vocabulary';

/**
 * The words of the site's forms, built on the server in the reader's language and passed to the
 * forms (client components, which do not get the catalogue) as `labels` props. Templates that
 * the browser fills ({count}, <link>…) are passed raw.
 */

const raw = (t: Translate, key: string) => String(t.raw(key));

function byCode(codes: readonly string[], name: (code: string) => string): Record<string, string> {
  return Object.fromEntries(codes.map((c) => [c, name(c)]));
}

/** t: the `forms` namespace; stances: the `stances` namespace. */
export function evidenceFieldsLabels(t: Translate, stances: Translate): EvidenceFieldsLabels {
  return {
    stance: t('fields.stance'),
    choose: t('fields.choose'),
    target: t('fields.target'),
    excerpt: t('fields.excerpt'),
    excerptHint: t('fields.excerptHint'),
    lang: t('fields.lang'),
    locator: t('fields.locator'),
    translation: t('fields.translation'),
    asOf: t('fields.asOf'),
    note: t('fields.note'),
    noteHint: t('fields.noteHint'),
    stances: byCode(STANCES, (s) => stances(s)),
    targets: byCode(EVIDENCE_TARGETS, (c) => t(`targets.${c}`)),
    figure: {
      legend: t('figure.legend'),
      text: t('figure.text'),
      textHint: t('figure.textHint'),
      unit: t('figure.unit'),
      storedAs: raw(t, 'figure.storedAs'),
      range: t('figure.range'),
      cannotRead: raw(t, 'figure.cannotRead'),
      measure: t('figure.measure'),
      measureHint: t('figure.measureHint'),
      ownMeasure: t('figure.ownMeasure'),
    },
  };
}

export function sourcePickerLabels(t: Translate): SourcePickerLabels {
  return {
    placeholder: t('picker.placeholder'),
    chosen: raw(t, 'picker.chosen'),
    matchesOne: raw(t, 'picker.matchesOne'),
    matchesOther: raw(t, 'picker.matchesOther'),
    noMatch: raw(t, 'picker.noMatch'),
    suggestions: t('picker.suggestions'),
  };
}

export function submitHelpLabels(t: Translate): SubmitHelpLabels {
  return { unknown: t('submitHelp.unknown'), signedIn: raw(t, 'submitHelp.signedIn'), signedOut: raw(t, 'submitHelp.signedOut') };
}

export function addEvidenceLabels(t: Translate, stances: Translate): AddEvidenceLabels {
  return {
    seeNew: t('addEvidence.seeNew'),
    duplicate: raw(t, 'addEvidence.duplicate'),
    sourceLegend: t('addEvidence.sourceLegend'),
    existing: t('addEvidence.existing'),
    source: t('addEvidence.source'),
    new: t('addEvidence.new'),
    url: t('addEvidence.url'),
    title: t('addEvidence.title'),
    publisher: t('addEvidence.publisher'),
    published: t('addEvidence.published'),
    type: t('addEvidence.type'),
    types: sourceTypeLabels(t),
    submitting: t('addEvidence.submitting'),
    submit: t('addEvidence.submit'),
    picker: sourcePickerLabels(t),
    fields: evidenceFieldsLabels(t, stances),
  };
}

export function sourceTypeLabels(t: Translate): Record<string, string> {
  return byCode(SOURCE_TYPES, (c) => t(`sourceTypes.${c}`));
}

export function editEvidenceLabels(t: Translate, stances: Translate): EditEvidenceLabels {
  return {
    conflict: raw(t, 'editEvidence.conflict'),
    conflictUpdated: raw(t, 'editEvidence.conflictUpdated'),
    conflictAfter: t('editEvidence.conflictAfter'),
    source: t('editEvidence.source'),
    saving: t('editEvidence.saving'),
    save: t('editEvidence.save'),
    picker: sourcePickerLabels(t),
    fields: evidenceFieldsLabels(t, stances),
  };
}

export function retractEvidenceLabels(t: Translate): RetractEvidenceLabels {
  return { reason: t('editEvidence.retractReason'), submit: t('editEvidence.retract') };
}

/** The archived-copy form of a source page (app/_components/source-captures.tsx renders it). */
export function captureFormLabels(t: Translate): CaptureFormLabels {
  return {
    added: raw(t, 'capture.added'),
    serverAnswered: raw(t, 'capture.serverAnswered'),
    unreachable: t('capture.unreachable'),
    chooseFile: t('capture.chooseFile'),
    heading: t('capture.heading'),
    file: t('capture.file'),
    upload: t('capture.upload'),
    fetch: t('capture.fetch'),
    fetchHelp: t('capture.fetchHelp'),
  };
}
