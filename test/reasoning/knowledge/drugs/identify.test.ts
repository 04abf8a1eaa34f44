import { describe, expect, it } from 'vitest';
import { identifyConcept, identifyMedication } from '@reasoning/knowledge/drugs/identify';
import { LABEL_BRANDS } from '@reasoning/knowledge/drugs/label-brands';
import { RXNORM_BRANDS } from '@reasoning/knowledge/drugs/generated/rxnorm-brands';
import { INGREDIENTS } from '@reasoning/knowledge/drugs/ingredients';

const RXNORM = 'http://www.nlm.nih.gov/research/umls/rxnorm';
const WARFARIN = '11289';
const rx = (code: string, display?: string): fhir4.CodeableConcept => ({
  coding: [{ system: RXNORM, code, ...(display ? { display } : {}) }],
});
const text = (t: string): fhir4.CodeableConcept => ({ text: t });

// Codes and names as the public value sets publish them (generated/rxnorm-names.ts names the sources).
describe('identify: RxNorm codes of every term type an EHR sends', () => {
  it.each([
    ['SCD', '855302', 'warfarin sodium 2 MG Oral Tablet', [WARFARIN], 'oral'],
    ['SBD', '1037181', 'dabigatran etexilate 75 MG Oral Capsule [Pradaxa]', ['1037042'], 'oral'],
    [
      'GPCK',
      '1549682',
      '{42 (rivaroxaban 15 MG Oral Tablet) / 9 (rivaroxaban 20 MG Oral Tablet) } Pack',
      ['1114195'],
      'oral',
    ],
    [
      'BPCK',
      '851210',
      '{60 (caffeine 65 MG / riboflavin 6.25 MG / thiamine 25 MG / vitamin B12 0.125 MG / vitamin B6 25 MG Oral Capsule) / 60 (ibuprofen 400 MG Oral Tablet) } Pack [IC 400 Kit]',
      ['5640'],
      'oral',
    ],
    ['SCDC', '317408', 'lorazepam 4 MG/ML', ['6470'], undefined],
    ['SCDF', '370674', 'Ibuprofen Oral Tablet', ['5640'], 'oral'],
    ['SBDF', '368254', 'metformin Oral Tablet [Glucophage]', ['6809'], 'oral'],
    ['IN', WARFARIN, 'warfarin', [WARFARIN], undefined],
    ['PIN', '114194', 'warfarin sodium', [WARFARIN], undefined],
    ['MIN', '214183', 'Acetaminophen / Oxycodone', ['161', '7804'], undefined],
  ])('%s %s (%s) → its ingredients, from the code alone', (tty, code, _name, ingredients, route) => {
    const id = identifyConcept(rx(code));
    // A pack may hold ingredients no rule reads (the vitamins of the IC 400 kit): the ones named are among them.
    expect(id.ingredients).toEqual(expect.arrayContaining(ingredients));
    expect(id.via).toBe('code');
    expect(id.route).toBe(route);
    if (tty !== 'IN' && tty !== 'PIN' && tty !== 'MIN') expect(id.tty).toBe(tty);
  });

  it('knows the products the audit found missing: every warfarin strength, enoxaparin syringes, reduced-dose DOACs, lorazepam, midazolam', () => {
    for (const [code, cui] of [
      ['855288', WARFARIN],
      ['855344', WARFARIN],
      ['854235', '67108'],
      ['1232082', '1114195'],
      ['1037179', '1037042'],
      ['1599551', '1599538'],
      ['197901', '6470'],
      ['106517', '6960'],
    ] as const) {
      expect(identifyConcept(rx(code)).ingredients, code).toEqual([cui]);
    }
  });

  it('a brand-name (BN) code resolves through its brand', () => {
    expect(identifyConcept(rx('153010', 'Advil'))).toMatchObject({ ingredients: ['5640'], via: 'code' });
  });

  it('an unknown code with an RxNorm display is identified from the name, and says so', () => {
    const id = identifyConcept(rx('999999901', 'warfarin sodium 3 MG Oral Tablet'));
    expect(id).toMatchObject({
      ingredients: [WARFARIN],
      via: 'name',
      basis: 'warfarin sodium 3 MG Oral Tablet',
      tty: 'SCD',
      route: 'oral',
    });
  });
});

describe('identify: names only (RxNorm normalized grammar)', () => {
  it.each([
    ['warfarin sodium 2 MG Oral Tablet', [WARFARIN], 'SCD'],
    ['apixaban 5 MG Oral Tablet [Eliquis]', ['1364430'], 'SBD'],
    ['{28 (apixaban 5 MG Oral Tablet) } Pack [Eliquis]', ['1364430'], 'BPCK'],
    ['acetaminophen 325 MG / oxycodone hydrochloride 5 MG Oral Tablet', ['161', '7804'], 'SCD'],
    ['0.4 ML enoxaparin sodium 100 MG/ML Prefilled Syringe', ['67108'], 'SCD'],
    ['Abuse-Deterrent 12 HR oxycodone hydrochloride 10 MG Extended Release Oral Tablet', ['7804'], 'SCD'],
    ['heparin sodium, porcine 5000 UNT/ML Injectable Solution', ['5224'], 'SCD'],
    ['Losartan Potassium 50 MG Oral Tablet', ['52175'], 'SCD'],
    ['dabigatran etexilate mesylate 75 MG Oral Capsule', ['1037042'], 'SCD'],
  ])('%s', (name, ingredients, tty) => {
    expect(identifyConcept(text(name))).toMatchObject({ ingredients, via: 'name', tty, basis: name });
  });

  it('a salt that is not a salt word is not stripped: the name stays unidentified rather than guessed', () => {
    expect(identifyConcept(text('warfarinoid 5 MG Oral Tablet')).ingredients).toEqual([]);
  });
});

describe('identify: brands and text as written', () => {
  it.each([
    ['Eliquis', ['1364430']],
    ['Coumadin', [WARFARIN]],
    ['Xarelto', ['1114195']],
    ['Lovenox', ['67108']],
  ])('brand only: %s', (brand, ingredients) => {
    expect(identifyConcept(text(brand))).toMatchObject({ ingredients, via: 'brand' });
  });

  it('free text: ingredient and brand names as whole words', () => {
    expect(identifyConcept(text('Coumadin 5mg tab daily'))).toMatchObject({ ingredients: [WARFARIN], via: 'text' });
    expect(identifyConcept(text('WARFARIN 5 mg po'))).toMatchObject({ ingredients: [WARFARIN], via: 'text' });
    expect(identifyConcept(text('Ibu 600 mg'))).toMatchObject({ ingredients: ['5640'], via: 'text' });
  });

  it('whole words only: a name inside another word does not match', () => {
    expect(identifyConcept(text('MASALA chai')).ingredients).toEqual([]);
    expect(identifyConcept(text('Tibuxol syrup')).ingredients).toEqual([]);
    expect(identifyConcept(text('heparinised saline flush')).ingredients).toEqual([]);
  });

  it('junk and empty concepts identify nothing', () => {
    for (const c of [text('see attached'), text('   '), { coding: [{ system: 'urn:local', code: '42' }] }, {}])
      expect(identifyConcept(c).ingredients).toEqual([]);
    expect(identifyConcept(undefined).ingredients).toEqual([]);
  });

  it('a code we know wins over a display that disagrees', () => {
    expect(identifyConcept(rx('855302', 'ibuprofen 200 MG Oral Tablet')).ingredients).toEqual([WARFARIN]);
  });
});

describe('identify: US brands checked in the FDA NDC Directory (label-brands.ts)', () => {
  it.each([
    ['Zoloft 50 mg tablet', '36437'],
    ['Nardil', '8123'],
    ['NEURONTIN 300MG CAP', '25480'],
    ['Lyrica', '187832'],
    ['celexa 20 mg daily', '2556'],
    ['Parnate 10 mg', '10734'],
    ['PROZAC 20MG CAP', '4493'],
    ['Cymbalta 60 mg daily', '72625'],
    ['Zyvox 600 mg IV q12h', '190376'],
  ])('"%s" (text only) → ingredient %s, and says it was read from the text', (written, cui) => {
    const id = identifyConcept(text(written));
    expect(id.ingredients).toEqual([cui]);
    expect(id.basis).toBe(written);
  });

  it('matches whole words only, and an unknown brand stays unidentified', () => {
    for (const t of ['Zoloftx 50', 'Nardiline', 'Horizant 600 mg', 'Focalin 10 mg'])
      expect(identifyConcept(text(t)).ingredients).toEqual([]);
  });

  it('every label brand names an ingredient Cairn reads, and none contradicts the generated brand table', () => {
    const generated = new Map(
      RXNORM_BRANDS.split('\n')
        .filter(Boolean)
        .map((l) => l.split('\t') as [string, string]),
    );
    for (const b of LABEL_BRANDS) {
      expect(INGREDIENTS[b.ingredient], b.brand).toBeDefined();
      const g = [...generated].find(([name]) => name.toLowerCase() === b.brand.toLowerCase());
      if (g) expect(g[1], b.brand).toBe(b.ingredient);
    }
  });
});

describe('identify: class-only products (ingredient CUI not checked; products.ts)', () => {
  it('a dexmethylphenidate SCD and a Tybost SBD carry their class, not an unchecked ingredient', () => {
    const dex = identifyConcept(rx('899548', 'dexmethylphenidate hydrochloride 10 MG Oral Tablet'));
    expect(dex).toMatchObject({ ingredients: [], productClasses: ['sympathomimetic'], via: 'code' });
    const tybost = identifyConcept(rx('1551999', 'cobicistat 150 MG Oral Tablet [Tybost]'));
    expect(tybost).toMatchObject({ ingredients: [], productClasses: ['strong-cyp3a4-inhibitor'] });
  });
});

describe('identify: Medication resources', () => {
  it('reads Medication.code, then ingredient[].itemCodeableConcept', () => {
    const med: fhir4.Medication = {
      resourceType: 'Medication',
      code: { text: 'Compounded capsule' },
      ingredient: [{ itemCodeableConcept: rx('11289', 'warfarin') }, { itemCodeableConcept: text('lactose') }],
    };
    expect(identifyMedication(med).ingredients).toEqual([WARFARIN]);
    expect(identifyMedication({ resourceType: 'Medication', code: rx('1232082') }).ingredients).toEqual(['1114195']);
  });
});
