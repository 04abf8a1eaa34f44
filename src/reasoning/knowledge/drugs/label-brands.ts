/**
 * US brand names → ingredient CUI, for brands the generated RxNorm tables lack (their VSAC sources list generic
 * products only). Each brand was checked in FDA's NDC Directory (as served by openFDA, api.fda.gov/drug/ndc.json):
 * the listing's `brand_name` and its single active ingredient; the NDC named is that listing. Only single-ingredient
 * brands; a brand the generated table already knows keeps the generated composition (test: drug-knowledge).
 * Matched like every brand: the whole text, "[Brand]" in an RxNorm name, or a whole word in free text.
 */
export interface LabelBrand {
  brand: string;
  ingredient: string;
  /** FDA NDC Directory listing that names the brand and its ingredient */
  ndc: string;
}

export const LABEL_BRANDS: readonly LabelBrand[] = [
  { brand: 'Zoloft', ingredient: '36437', ndc: '58151-574 (sertraline hydrochloride)' },
  { brand: 'Celexa', ingredient: '2556', ndc: '0456-4010 (citalopram hydrobromide)' },
  { brand: 'Prozac', ingredient: '4493', ndc: '0777-3104 (fluoxetine hydrochloride)' },
  { brand: 'Cymbalta', ingredient: '72625', ndc: '0002-3240 (duloxetine hydrochloride)' },
  { brand: 'Zyvox', ingredient: '190376', ndc: '0009-5138 (linezolid)' },
  { brand: 'Nardil', ingredient: '8123', ndc: '0071-0350 (phenelzine sulfate)' },
  { brand: 'Parnate', ingredient: '10734', ndc: '59212-447 (tranylcypromine sulfate)' },
  { brand: 'Neurontin', ingredient: '25480', ndc: '58151-281, 0071-0805 (gabapentin)' },
  { brand: 'Lyrica', ingredient: '187832', ndc: '58151-239, 0071-1018 (pregabalin)' },
];
