import type { Migration } from 'kysely';
import * as m0001 from './0001-create-store';
import * as m0002 from './0002-accounts-and-review';
import * as m0003 from './0003-rate-limit-bigint-windows';
import * as m0004 from './0004-scale-indexes-and-derived-state';
import * as m0007 from './0007-captures-and-quote-anchors';
import * as m0009 from './0009-citation-lineage';
import * as m0012 from './0012-claim-summary';
import * as m0013 from './0013-sign-in-throttle';
import * as m0014 from './0014-numbers';
import * as m0015 from './0015-claim-status';
import * as m0016 from './0016-published-id-indexes';
import * as m0017 from './0017-editor-public-name';
import * as m0018 from './0018-evidence-claim-tally-index';
import * as m0019 from './0019-claim-withdrawn-index';
import * as m0020 from './0020-ingest-file-defines';
import * as m0021 from './0021-ingest-folder';

/** Static registry: bundlers and tsx see every migration; nothing is discovered at runtime. */
export const migrations: Record<string, Migration> = {
  '0001-create-store': m0001,
  '0002-accounts-and-review': m0002,
  '0003-rate-limit-bigint-windows': m0003,
  '0004-scale-indexes-and-derived-state': m0004,
  '0007-captures-and-quote-anchors': m0007,
  '0009-citation-lineage': m0009,
  '0012-claim-summary': m0012,
  '0013-sign-in-throttle': m0013,
  '0014-numbers': m0014,
  '0015-claim-status': m0015,
  '0016-published-id-indexes': m0016,
  '0017-editor-public-name': m0017,
  '0018-evidence-claim-tally-index': m0018,
  '0019-claim-withdrawn-index': m0019,
  '0020-ingest-file-defines': m0020,
  '0021-ingest-folder': m0021,
};
