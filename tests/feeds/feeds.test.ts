import { DOMParser } from 'linkedom';
import { describe, expect, test as base } from 'vitest';
import type { Db } from '../../db/client';
import type { Actor } from '../../lib/auth/users';
import { addConfidenceNote } from '../../lib/confidence/write';
import { newEvidenceInputSchema } from '../../lib/evidence/input';
import { createEvidence } from '../../lib/evidence/write';
import { describeFeedScope, FEED_ENTRY_LIMIT, listFeedEntries, type FeedScope } from '../../lib/feeds/entries';
import { feedEntryId, renderFeed } from '../../lib/feeds/feed';
import { createEditor } from '../helpers/actors';
import { checkAndIngest, copyFixture } from '../helpers/fixtures';
import { createTestDb } from '../helpers/test-db';

const test = base.extend<{ db: Db; editor: Actor }>({
  db: async ({}, provide) => {
    const t = await createTestDb();
    await checkAndIngest(t.db, copyFixture());
    await provide(t.db);
    await t.cleanup();
  },
  editor: async ({ db }, provide) => {
    await provide(await createEditor(db));
  },
});

async function render(db: Db, scope: FeedScope, format: 'atom' | 'json') {
  const description = await describeFeedScope(db, scope);
  return renderFeed(description!, await listFeedEntries(db, scope), format, new Date(0));
}

describe('feed entries from the revision log', () => {
  test('a verdict change by a confidence note heads the claim feed and the site feed, old → new, with its reason', async ({ db, editor }) => {
    await addConfidenceNote(db, 'alpha-figure', { verdict: 'false', confidence: 0.3, reason: 'The primary report contradicts it.', evidenceIds: [] }, editor);
    for (const scope of [{ kind: 'claim', id: 'alpha-figure' }, { kind: 'site' }] as FeedScope[]) {
      const [newest] = await listFeedEntries(db, scope);
      expect(newest).toMatchObject({
        kind: 'verdict-change',
        claimId: 'alpha-figure',
        verdictChange: { from: 'misleading', to: 'false' },
        confidenceChange: { from: 0.8, to: 0.3 },
      });
      expect(newest!.title).toContain('Misleading → False');
      expect(newest!.text).toContain('The primary report contradicts it.');
    }
  });

  test('a claim feed holds its creation and its notes, and a topic and source feed hold their claims', async ({ db }) => {
    const kinds = (await listFeedEntries(db, { kind: 'claim', id: 'alpha-figure' })).map((e) => e.kind);
    expect(kinds).toContain('new-claim');
    expect(kinds).toContain('verdict-change');
    const alphaTopics = (await db.selectFrom('claim_topic').select('topic').where('claim_id', '=', 'alpha-figure').execute()).map((t) => t.topic);
    const topicEntries = await listFeedEntries(db, { kind: 'topic', topic: alphaTopics[0]! });
    expect(topicEntries.some((e) => e.claimId === 'alpha-figure')).toBe(true);
    const sourceClaims = new Set((await db.selectFrom('source_claim').select('claim_id').where('source_id', '=', 'report').execute()).map((r) => r.claim_id));
    const sourceEntries = await listFeedEntries(db, { kind: 'source', id: 'report' });
    expect(sourceEntries.length).toBeGreaterThan(0);
    expect(sourceEntries.every((e) => sourceClaims.has(e.claimId))).toBe(true);
  });

  test('a proposal is not news; accepted evidence is', async ({ db, editor }) => {
    const input = newEvidenceInputSchema.parse({ sourceId: 'report', stance: 'supports', excerpt: 'A quoted line from the report.', lang: 'en' });
    const proposal = await createEvidence(db, 'beta-figure', input, { kind: 'anonymous', clientKey: 'k' });
    expect(proposal.status).toBe('pending');
    const before = await listFeedEntries(db, { kind: 'claim', id: 'beta-figure' });
    expect(before[0]!.revisionId).toBeLessThan((await db.selectFrom('revision').select((eb) => eb.fn.max('id').as('m')).executeTakeFirstOrThrow()).m as number);
    await createEvidence(db, 'beta-figure', input, { kind: 'editor', actor: editor });
    const after = await listFeedEntries(db, { kind: 'claim', id: 'beta-figure' });
    expect(after[0]).toMatchObject({ kind: 'new-evidence' });
    expect(after[0]!.text).toContain('A quoted line from the report.');
    expect(after.filter((e) => e.kind === 'new-evidence').length).toBe(before.filter((e) => e.kind === 'new-evidence').length + 1);
  });

  test('a draft (unlisted, not withdrawn) claim is in no feed; a withdrawn one stays', async ({ db }) => {
    await db.updateTable('claim').set({ listed: 0 }).where('id', '=', 'beta-figure').execute();
    expect((await listFeedEntries(db, { kind: 'site' })).some((e) => e.claimId === 'beta-figure')).toBe(false);
    expect(await describeFeedScope(db, { kind: 'claim', id: 'beta-figure' })).toBeNull();
    await db.updateTable('claim').set({ is_withdrawn: 1 }).where('id', '=', 'beta-figure').execute();
    expect((await listFeedEntries(db, { kind: 'site' })).some((e) => e.claimId === 'beta-figure')).toBe(true);
  });

  test(`a feed holds at most ${FEED_ENTRY_LIMIT} entries, the newest`, async ({ db, editor }) => {
    for (let i = 0; i < FEED_ENTRY_LIMIT + 5; i++) await addConfidenceNote(db, 'alpha-figure', { verdict: null, confidence: (i % 10) / 10, reason: `note ${i}`, evidenceIds: [] }, editor);
    const entries = await listFeedEntries(db, { kind: 'site' });
    expect(entries).toHaveLength(FEED_ENTRY_LIMIT);
    expect(entries[0]!.text).toContain(`note ${FEED_ENTRY_LIMIT + 4}`);
    expect(entries[0]!.confidenceChange).toEqual({ from: ((FEED_ENTRY_LIMIT + 3) % 10) / 10, to: ((FEED_ENTRY_LIMIT + 4) % 10) / 10 });
  });
});

describe('feed formats', () => {
  test('Atom parses as XML with the elements RFC 4287 requires', async ({ db }) => {
    const xml = await render(db, { kind: 'site' }, 'atom');
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const feed = doc.documentElement as unknown as Element;
    expect(feed.tagName).toBe('feed');
    expect(feed.getAttribute('xmlns')).toBe('http://www.w3.org/2005/Atom');
    const child = (el: Element, name: string) => [...el.children].filter((c) => c.tagName === name);
    for (const name of ['id', 'title', 'updated']) expect(child(feed, name)[0]?.textContent?.trim()).toBeTruthy();
    expect(child(feed, 'author').length).toBeGreaterThan(0);
    const entries = child(feed, 'entry');
    expect(entries.length).toBeGreaterThan(0);
    const entryIds = await listFeedEntries(db, { kind: 'site' }).then((es) => es.map(feedEntryId));
    expect(entries.map((e) => child(e, 'id')[0]?.textContent)).toEqual(entryIds);
    for (const e of entries) {
      expect(child(e, 'title')[0]?.textContent).toBeTruthy();
      expect(Number.isNaN(Date.parse(child(e, 'updated')[0]?.textContent ?? ''))).toBe(false);
      expect(child(e, 'link')[0]?.getAttribute('href')).toMatch(/^https?:\/\/[^/]+\/claims\//);
      expect(child(e, 'category')[0]?.getAttribute('term')).toBeTruthy();
    }
  });

  test('JSON Feed has the fields version 1.1 requires', async ({ db }) => {
    const feed = JSON.parse(await render(db, { kind: 'claim', id: 'alpha-figure' }, 'json'));
    expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
    expect(typeof feed.title).toBe('string');
    expect(feed.home_page_url).toMatch(/\/claims\/alpha-figure$/);
    expect(feed.feed_url).toMatch(/\/claims\/alpha-figure\/feed\.json$/);
    expect(feed.author).toBeUndefined();
    expect(feed.authors).toEqual([expect.objectContaining({ name: 'Claim Ledger' })]);
    expect(Array.isArray(feed.items)).toBe(true);
    expect(feed.items.length).toBeGreaterThan(0);
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string');
      expect(typeof item.content_text === 'string' || typeof item.content_html === 'string').toBe(true);
      expect(Number.isNaN(Date.parse(item.date_published))).toBe(false);
      expect(item.url).toMatch(/\/claims\/alpha-figure/);
    }
  });
});
