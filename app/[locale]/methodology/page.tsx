import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';
import { LineageMethodology } from '@/app/_components/lineage-methodology';
import { NumbersMethodology } from '@/app/_components/numbers-methodology';
import { ReliabilityBadge } from '@/app/_components/reliability-badge';
import { VerdictBadge } from '@/app/_components/verdict-badge';
import { RELIABILITY_GRADES, STANCES, VERDICT_SCALE, VERDICTS } from '@/lib/shared/vocabulary';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('methodology');
  return { title: t('title'), description: t('metaDescription'), openGraph: { title: t('ogTitle') } };
}

// The rich-text tags the catalogue's paragraphs use.
const tags = {
  strong: (chunks: ReactNode) => <strong>{chunks}</strong>,
  code: (chunks: ReactNode) => <code>{chunks}</code>,
  em: (chunks: ReactNode) => <em>{chunks}</em>,
  about: (chunks: ReactNode) => <a href="/about#corrections">{chunks}</a>,
};

export default async function MethodologyPage() {
  const t = await getTranslations('methodology');
  const verdicts = await getTranslations('verdicts');
  const grades = await getTranslations('grades');
  const stances = await getTranslations('stances');
  return (
    <article className="methodology">
      <h1>{t('title')}</h1>
      <p className="lede">{t('lede')}</p>

      <section aria-labelledby="scale">
        <h2 id="scale">{t('scale.heading')}</h2>
        <p>{t('scale.intro')}</p>
        <div className="table-wrap">
          <table className="scale-table">
            <thead>
              <tr>
                <th scope="col">{t('scale.verdict')}</th>
                <th scope="col">{t('scale.rating')}</th>
                <th scope="col">{t('scale.meaning')}</th>
              </tr>
            </thead>
            <tbody>
              {VERDICTS.map((v) => (
                <tr key={v} id={`verdict-${v}`}>
                  <td>
                    <VerdictBadge verdict={v} />
                  </td>
                  <td>{VERDICT_SCALE[v].ratingValue ?? '—'}</td>
                  <td>{verdicts(`${v}.meaning`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>{t('scale.current')}</p>
      </section>

      <section aria-labelledby="confidence">
        <h2 id="confidence">{t('confidence.heading')}</h2>
        {/* The English definition is CONFIDENCE_DEFINITION word for word (tests/i18n/catalogues.test.ts). */}
        <p>
          {t('confidence.definition')} {t('confidence.bands')}
        </p>
      </section>

      <section aria-labelledby="grades">
        <h2 id="grades">{t('grades.heading')}</h2>
        <dl className="legend">
          {RELIABILITY_GRADES.map((g) => (
            <div key={g} id={`grade-${g}`}>
              <dt>
                <ReliabilityBadge grade={g} /> {grades(`${g}.label`)}
              </dt>
              <dd>{grades(`${g}.meaning`)}</dd>
            </div>
          ))}
        </dl>
        <p>{t('grades.copies')}</p>
      </section>

      <section aria-labelledby="verified">
        <h2 id="verified">{t('verified.heading')}</h2>
        <p>{t.rich('verified.read', tags)}</p>
        <p>{t.rich('verified.grade', tags)}</p>
      </section>

      <section aria-labelledby="weighing">
        <h2 id="weighing">{t('weighing.heading')}</h2>
        <ul>
          {STANCES.map((s) => (
            <li key={s}>
              <strong>{stances(s)}</strong>
              {t('weighing.colon')}
              {t(`weighing.stances.${s}`)}
            </li>
          ))}
        </ul>
        <p>{t('weighing.text')}</p>
      </section>

      <LineageMethodology />
      <NumbersMethodology />

      <section aria-labelledby="corrections">
        <h2 id="corrections">{t('corrections.heading')}</h2>
        <p>{t.rich('corrections.text', tags)}</p>
      </section>
    </article>
  );
}
