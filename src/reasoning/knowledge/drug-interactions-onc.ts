/**
 * The rest of the ONC high-priority list ("contraindicated for concurrent use", Phansalkar 2012; classes as restated
 * by the 2022 AJHP update), beyond the entries kept in drug-interactions.ts: MAOI against every other serotonergic or
 * sympathomimetic class, febuxostat, ramelteon, ergot alkaloids, procarbazine, and statins with protease inhibitors.
 * Class membership lives on the ingredient table (drugs/ingredients.ts), so a class here is complete when that table
 * is. Same calibration as drug-interactions.ts: critical only for a draft order that would create the pair.
 */
import type { Citation } from '../types';
import type { DrugMatcher, InteractionEntry } from './drug-interactions';
import { drugLabel } from './drug-label';
import { STALE_ORDER_LIMIT as CHART_LIMIT } from './limitations';

export const PHANSALKAR_2012: Citation = {
  title:
    'Phansalkar S, et al. High-priority drug-drug interactions for use in electronic health records. J Am Med Inform Assoc 2012;19(5):735-43',
  url: 'https://doi.org/10.1136/amiajnl-2011-000612',
  year: 2012,
};
export const AJHP_2022: Citation = {
  title: 'High-priority drug-drug interactions for EHR alerting, restated and updated. Am J Health Syst Pharm 2022',
  year: 2022,
};
const FDA_METHYLENE_BLUE: Citation = {
  title:
    'FDA Drug Safety Communication: serious CNS reactions possible when methylene blue is given to patients taking serotonergic psychiatric medications',
  url: 'https://www.fda.gov/drugs/drug-safety-and-availability/fda-drug-safety-communication-updated-information-about-drug-interaction-between-methylene-blue-methylthioninium',
  year: 2011,
};
const label = (drug: string, year: number, section = 'section 4 Contraindications and 7 Drug interactions'): Citation =>
  drugLabel(drug, year, section);

export const ONC_CLASS_LIMIT =
  'Class membership follows the paper, ATC and the product labels; members whose RxNorm code could not be verified are listed in the knowledge README and are not matched.';
const MAOI: DrugMatcher = { classes: ['maoi'], label: 'MAOI (incl. linezolid, methylene blue)' };
const WASHOUT =
  'Do not combine. Labels require 14 days off an MAOI before starting the other drug (5 weeks after fluoxetine); for urgent linezolid or methylene blue, stop the serotonergic drug and monitor for 2 weeks (FDA 2011).';

/** An MAOI pair: contraindicated on the ONC list; the MAOI labels and the FDA linezolid/methylene blue warnings agree. */
const maoi = (id: string, b: DrugMatcher, harm: string, rationale: string): InteractionEntry => ({
  id,
  title: `MAOI + ${b.label}`,
  a: MAOI,
  b,
  oncHighPriority: true,
  harm,
  severity: { draft: 'critical', chart: 'warning' },
  rationale: `${rationale} Contraindicated for concurrent use on the ONC high-priority list.`,
  management: WASHOUT,
  citations: [
    PHANSALKAR_2012,
    AJHP_2022,
    label('Phenelzine (Nardil)', 2023),
    label('Linezolid (Zyvox)', 2023, 'section 5.6 Serotonin syndrome'),
    FDA_METHYLENE_BLUE,
  ],
  limitations: [ONC_CLASS_LIMIT, CHART_LIMIT],
});

const MAOI_ENTRIES: readonly InteractionEntry[] = [
  maoi(
    'ddi-maoi-serotonergic-antidepressant',
    {
      classes: ['serotonergic-antidepressant'],
      label: 'trazodone/nefazodone/vilazodone/vortioxetine/mirtazapine/St John’s wort',
    },
    'serotonin syndrome risk (contraindicated)',
    'Serotonin syndrome (hyperthermia, rigidity, autonomic instability), potentially fatal.',
  ),
  maoi(
    'ddi-maoi-bupropion',
    { ingredients: ['42347'], label: 'bupropion' },
    'hypertensive reaction risk (contraindicated)',
    'Bupropion inhibits noradrenaline and dopamine reuptake; with MAO inhibition this risks acute hypertension (bupropion label section 4).',
  ),
  {
    ...maoi(
      'ddi-maoi-maoi',
      MAOI,
      'hypertensive crisis / serotonin syndrome (contraindicated)',
      'Two MAO inhibitors (e.g. linezolid or methylene blue in a patient on phenelzine or selegiline) summate: hypertensive crisis and serotonin syndrome.',
    ),
    title: 'Two MAO inhibitors',
  },
  maoi(
    'ddi-maoi-procarbazine',
    { ingredients: ['8702'], label: 'procarbazine' },
    'hypertensive crisis risk (contraindicated)',
    'Procarbazine is itself a weak MAO inhibitor; with tranylcypromine or another MAOI it risks hypertensive crisis (Matulane label).',
  ),
];

const OTHER_ONC: readonly InteractionEntry[] = [
  {
    id: 'ddi-febuxostat-thiopurine',
    title: 'Febuxostat + azathioprine/mercaptopurine',
    harm: 'thiopurine toxicity, bone marrow suppression (contraindicated)',
    a: { classes: ['xanthine-oxidase-inhibitor'], label: 'febuxostat' },
    b: { classes: ['thiopurine'], label: 'azathioprine/mercaptopurine' },
    oncHighPriority: true,
    severity: { draft: 'critical', chart: 'warning' },
    rationale:
      'Xanthine oxidase inactivates azathioprine and mercaptopurine; febuxostat blocks it and thiopurine levels rise to toxic, potentially fatal myelosuppression.',
    management:
      'Contraindicated (febuxostat label section 4). Use another urate-lowering plan, or allopurinol with a thiopurine dose cut to one-third to one-quarter and close blood counts.',
    citations: [PHANSALKAR_2012, AJHP_2022, label('Febuxostat (Uloric)', 2019)],
    limitations: [ONC_CLASS_LIMIT, CHART_LIMIT],
  },
  {
    id: 'ddi-ramelteon-cyp1a2',
    title: 'Ramelteon + strong CYP1A2 inhibitor',
    harm: 'ramelteon exposure up about 190-fold (contraindicated)',
    a: { ingredients: ['596205'], label: 'ramelteon' },
    b: { classes: ['cyp1a2-inhibitor'], label: 'fluvoxamine/ciprofloxacin' },
    oncHighPriority: true,
    severity: { draft: 'critical', chart: 'warning' },
    rationale:
      'Ramelteon is cleared by CYP1A2; fluvoxamine raised its AUC about 190-fold in the label study: excessive sedation and psychomotor impairment.',
    management:
      'Ramelteon label: do not use with fluvoxamine; ciprofloxacin and other CYP1A2 inhibitors are on the ONC list for the same reason. Choose another hypnotic.',
    citations: [PHANSALKAR_2012, AJHP_2022, label('Ramelteon (Rozerem)', 2021)],
    limitations: [ONC_CLASS_LIMIT, CHART_LIMIT],
  },
  {
    id: 'ddi-ergot-cyp3a4-inhibitor',
    title: 'Ergot alkaloid + strong CYP3A4 inhibitor or protease inhibitor',
    harm: 'ergotism, vasospasm and ischemia (contraindicated)',
    a: { classes: ['ergot-alkaloid'], label: 'ergotamine/dihydroergotamine' },
    b: {
      classes: ['strong-cyp3a4-inhibitor', 'hiv-protease-inhibitor'],
      label: 'strong CYP3A4 inhibitor or HIV protease inhibitor',
    },
    oncHighPriority: true,
    severity: { draft: 'critical', chart: 'warning' },
    rationale:
      'Ergot alkaloids are CYP3A4 substrates; strong inhibitors (azoles, clarithromycin, ritonavir and other protease inhibitors) raise levels to serious peripheral and cerebral ischemia (boxed warning).',
    management:
      'Contraindicated (ergotamine and dihydroergotamine boxed warnings). Treat migraine with a non-ergot option compatible with the inhibitor.',
    citations: [
      PHANSALKAR_2012,
      AJHP_2022,
      label('Dihydroergotamine (D.H.E. 45)', 2019, 'boxed warning and section 4'),
      label('Ergotamine/caffeine (Cafergot)', 2018, 'boxed warning'),
    ],
    limitations: [ONC_CLASS_LIMIT, CHART_LIMIT],
  },
  {
    id: 'ddi-statin-protease-inhibitor',
    title: 'Simvastatin/lovastatin + HIV protease inhibitor',
    harm: 'myopathy/rhabdomyolysis risk (contraindicated)',
    a: { classes: ['statin-cyp3a4'], label: 'simvastatin/lovastatin' },
    b: { classes: ['hiv-protease-inhibitor'], label: 'HIV protease inhibitor' },
    oncHighPriority: true,
    severity: { draft: 'critical', chart: 'warning' },
    rationale:
      'Every HIV protease inhibitor (boosted or not) inhibits CYP3A4 and raises simvastatin and lovastatin exposure many-fold: rhabdomyolysis.',
    management:
      'Contraindicated (simvastatin and lovastatin labels). Use pravastatin or rosuvastatin at the dose the antiretroviral label allows.',
    citations: [PHANSALKAR_2012, AJHP_2022, label('Simvastatin (Zocor)', 2023), label('Atazanavir (Reyataz)', 2023)],
    limitations: [ONC_CLASS_LIMIT, CHART_LIMIT],
  },
  {
    id: 'ddi-atorvastatin-strong-cyp3a4',
    title: 'Atorvastatin + strong CYP3A4 inhibitor or protease inhibitor',
    harm: 'atorvastatin dose above the label cap (20 mg)',
    modifier: 'statin-dose-cap',
    statinCaps: { '83367': 20 },
    a: { ingredients: ['83367'], label: 'atorvastatin' },
    b: {
      ingredients: ['21212', '28031', '83395', '460132', '85762'],
      label: 'clarithromycin/itraconazole/ritonavir-boosted saquinavir or darunavir',
    },
    oncHighPriority: false,
    severity: { draft: 'warning', chart: 'info' },
    rationale:
      'Strong CYP3A4 inhibition raises atorvastatin exposure (up to about 4-fold with clarithromycin, 9-fold with boosted saquinavir): myopathy risk rises with dose.',
    management:
      'Atorvastatin label section 2.3/7: with clarithromycin, itraconazole, boosted saquinavir or darunavir do not exceed 20 mg daily; avoid with tipranavir/ritonavir. Or switch to pravastatin/rosuvastatin.',
    citations: [label('Atorvastatin (Lipitor)', 2022, 'section 2.3 and 7.1 Strong CYP3A4 inhibitors')],
    limitations: [
      'Only the product strength is compared with the cap unless the order carries a readable dose.',
      CHART_LIMIT,
    ],
  },
];

export const ONC_MORE_INTERACTIONS: readonly InteractionEntry[] = [...MAOI_ENTRIES, ...OTHER_ONC];
