// One file per namespace, so that areas of the interface are translated side by side without touching each other.

import layout from './layout.json';
import search from './search.json';
import verdicts from './verdicts.json';
import grades from './grades.json';
import stances from './stances.json';
import claimRow from './claim-row.json';
import breakdown from './breakdown.json';
import sourceClaims from './source-claims.json';
import home from './home.json';
import methodology from './methodology.json';
import notFound from './not-found.json';
import error from './error.json';
import claim from './claim.json';
import source from './source.json';
import lists from './lists.json';
import claimParts from './claim-parts.json';
import forms from './forms.json';
import editorial from './editorial.json';
import pages from './pages.json';

export default { layout, search, verdicts, grades, stances, claimRow, breakdown, sourceClaims, home, methodology, notFound, error, claim, source, lists, claimParts, forms, editorial, pages };
