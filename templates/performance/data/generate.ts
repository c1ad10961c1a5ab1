import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { FormDefinition } from '@formboard/schema';
import { biweeklyReviewDrafts } from './generator/biweeklyReviews.ts';
import { breakthroughDrafts } from './generator/breakthroughs.ts';
import { weeksEndingAt } from './generator/calendar.ts';
import { writeCsv } from './generator/csv.ts';
import { deliveryDrafts, incentivePilotDrafts } from './generator/delivery.ts';
import { generateFeedback } from './generator/feedback.ts';
import { type Filled, fillRecords, formCsv, loadPackForm, PACK_DIR } from './generator/forms.ts';
import { kpiDrafts } from './generator/kpiLibrary.ts';
import { generateMeasurements } from './generator/measurements.ts';
import { generateCheckIns, keyResultDrafts, objectiveDrafts } from './generator/okrRecords.ts';
import { planOkrs } from './generator/okrs.ts';
import { generateOneOnOnes } from './generator/oneOnOnes.ts';
import { buildOrg, ORG_CHART_HEADER, orgChartRow } from './generator/org.ts';
import { pioneerDrafts } from './generator/pioneer.ts';
import { Random } from './generator/random.ts';
import { reviewDrafts, scorecardDrafts } from './generator/reviews.ts';

/** The seed of the committed sample data. */
export const SEED = 'huachuan-2026';

/** The sample's calendar: today (the generation clock's date) and the quarter of weekly KPI values. */
export const TODAY = '2026-11-27';
export const KPI_WEEKS = weeksEndingAt('2026-11-23', 13);
/** The OKR cycle's check-in weeks so far (2026-Q4). */
export const CHECK_IN_WEEKS = KPI_WEEKS.filter((week) => week >= '2026-10-05');

/** The generated sample: the org chart, each form's records in load order, and the planned alerts. */
export interface SampleData {
  readonly peopleCsv: string;
  readonly forms: ReadonlyMap<string, { readonly form: FormDefinition; readonly rows: readonly Filled[] }>;
  /** Ids of the people whose KPIs are worse than baseline two or more weeks in a row. */
  readonly drifting: readonly string[];
  /** Ids of the people with a single week worse than baseline (no alert). */
  readonly blips: readonly string[];
}

/** Generates the sample data of the starter pack, the same for the same seed. */
export function generateSampleData(seed = SEED): SampleData {
  const random = new Random(seed);
  const org = buildOrg(random.fork('org'));
  const forms = new Map<string, { form: FormDefinition; rows: Filled[] }>();
  const fill = (id: string, drafts: Parameters<typeof fillRecords>[1]) => {
    const form = loadPackForm(id);
    const rows = fillRecords(form, drafts);
    forms.set(id, { form, rows });
    return rows;
  };

  fill('kpi', kpiDrafts(org));
  fill('breakthrough', breakthroughDrafts(org));
  const plans = planOkrs(org, random.fork('okr'));
  const checkIns = generateCheckIns(plans, CHECK_IN_WEEKS, random.fork('check-ins'));
  const keyResultDraftList = keyResultDrafts(plans, checkIns);
  const keyResultForm = loadPackForm('key-result');
  const keyResults = fillRecords(keyResultForm, keyResultDraftList);
  fill('objective', objectiveDrafts(plans, keyResults, loadPackForm('objective')));
  forms.set('key-result', { form: keyResultForm, rows: keyResults });
  fill('check-in', checkIns.drafts);
  const measurements = generateMeasurements(org, KPI_WEEKS, random.fork('kpi-values'));
  const measured = fill('kpi-measurement', measurements.drafts);
  const scorecards = fill('kpi-scorecard', scorecardDrafts(org, random.fork('scorecards')));
  const krsByOwner = new Map<string, string[]>();
  for (const kr of plans.flatMap((o) => o.krs))
    krsByOwner.set(kr.owner.id, [...(krsByOwner.get(kr.owner.id) ?? []), kr.key]);
  const feedback = generateFeedback(org, krsByOwner, ['2026-09-01', TODAY], random.fork('feedback'));
  fill('feedback', feedback.drafts);
  const oneOnOnes = generateOneOnOnes(
    org,
    measurements.drifts,
    KPI_WEEKS,
    ['2026-10-01', TODAY],
    random.fork('1on1'),
  );
  fill('one-on-one', oneOnOnes.drafts);
  const scorecardOf = new Map(scorecards.map((row) => [String(row.record.employee), row]));
  fill('review', reviewDrafts(org, loadPackForm('review'), scorecardOf, TODAY, random.fork('reviews')));
  fill(
    'biweekly-review',
    biweeklyReviewDrafts(org, plans, measured, KPI_WEEKS, TODAY, random.fork('biweekly')),
  );
  fill('incentive-pilot', incentivePilotDrafts(org, TODAY, random.fork('pilot')));
  fill(
    'digital-pioneer',
    pioneerDrafts(org, ['2026-10-01', '2026-11-01'], {
      checkInWeeks: checkIns.weeksByPerson,
      krOwners: new Set(krsByOwner.keys()),
      checkInCalendar: CHECK_IN_WEEKS,
      kpiValues: measurements.entered,
      kpiCalendar: KPI_WEEKS,
      feedbackGiven: feedback.given,
      feedbackReceived: feedback.received,
      oneOnOnes: oneOnOnes.held,
    }),
  );
  fill('delivery', deliveryDrafts(org, KPI_WEEKS, random.fork('delivery')));
  return {
    peopleCsv: writeCsv(ORG_CHART_HEADER, org.people.map(orgChartRow)),
    forms,
    drifting: measurements.drifts.map((d) => d.person.id),
    blips: measurements.blips.map((d) => d.person.id),
  };
}

/** Writes `data/people.csv` and one `data/<form>.csv` per form. */
function writeSampleData(data: SampleData): void {
  const dir = join(PACK_DIR, 'data');
  writeFileSync(join(dir, 'people.csv'), data.peopleCsv);
  let bytes = Buffer.byteLength(data.peopleCsv);
  for (const [id, { form, rows }] of data.forms) {
    const text = formCsv(form, rows);
    writeFileSync(join(dir, `${id}.csv`), text);
    bytes += Buffer.byteLength(text);
    console.log(`data/${id}.csv: ${rows.length} rows`);
  }
  console.log(
    `${(bytes / 1024 / 1024).toFixed(2)} MB in all; drifting below baseline: ${data.drifting.join(', ')}`,
  );
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  writeSampleData(generateSampleData());
