/**
 * Subjects people ask the bot about that the partnership measures or reports but the bot holds no figures
 * for. Asked about one, the bot says so by name, and where such figures come from, rather than answering
 * with a figure for something else ("attainment results for SEN pupils" is not the survey's scores).
 *
 * `phrases` are what people type, matched as typed (plurals aside); `exact` lists short words and
 * abbreviations kept apart for readability. A subject the bot comes to hold (a measure in seeds/measures.json,
 * whether or not its figures are loaded yet) is removed from here: a catalogued measure is always answered
 * from the catalogue, with its figures or "no figures are loaded yet".
 */
export type NotHeldTopic = {
  id: string;
  /** How the answer names it. */
  name: string;
  phrases: string;
  exact?: string;
  /** Where such figures come from, as a council would say it. */
  source: string;
};

export const NOT_HELD_TOPICS: readonly NotHeldTopic[] = [
  {
    // Key stage 2 and 4 results for pupils with SEN are catalogued measures (ks2_rwm_send, ks4_basics_send);
    // the other attainment and progress scores are not.
    id: 'otherAttainment',
    name: 'attainment beyond the key stage 2 and key stage 4 measures (such as A level results, Progress 8 or Attainment 8 scores)',
    phrases:
      'A level results | A levels | A level | progress 8 | attainment 8 | post 16 results | level 3 qualifications | qualifications at 19',
    source:
      "They come from the DfE's school and college performance tables and the national pupil database, which the council's education data team analyses for pupils with SEN.",
  },
  {
    id: 'spending',
    name: 'spending and finance (such as the high needs budget)',
    phrases:
      'spending | spent | finance | finances | financial | budget | budgets | high needs block | high needs budget | high needs funding | high needs deficit | budget deficit | overspend | funding | how much does it cost | how much do we spend',
    exact: 'cost | costs | money | spend | fees | paying | pay for | how much are we paying | how much do we pay',
    source:
      "They come from the council's finance team (high needs block budget monitoring and the DfE's section 251 returns).",
  },
  {
    id: 'placements',
    // Placements out of area are a catalogued measure (out_of_area_placements); the rest are not.
    name: 'placements by type (such as independent, specialist or residential school placements)',
    phrases:
      'independent placements | independent special schools | specialist placements | residential placements | special school places | school places | sufficiency',
    source:
      "They come from the SEND casework system and placement commissioning records (the council's SEN and commissioning teams).",
  },
  {
    id: 'caseloads',
    name: 'caseloads (how many children each caseworker or therapist holds)',
    phrases:
      'caseload | caseloads | case load | case loads | cases per caseworker | cases per worker | caseworker numbers',
    source: "They come from the SEN team's case management system and the NHS services' own records.",
  },
  {
    id: 'inspections',
    // Schools' and settings' Ofsted outcomes are a catalogued measure (ofsted_good_settings); the area's own
    // inspections are evidence, not a figure (measures.json `evidence`).
    name: 'area inspection outcomes (the Ofsted and CQC area SEND inspection, and ILACS)',
    phrases:
      'CQC | area SEND inspection | area SEND inspections | area inspection | local area inspection | SEND inspection | ILACS | ILACS inspection | ILACS inspection outcome',
    source: 'They are published by Ofsted and the CQC in their inspection reports.',
  },
  {
    id: 'socialCare',
    name: "children's social care (child protection, children in need, children in care)",
    phrases:
      "child protection | child protection plans | children in need | child in need | CIN | looked after children | children in care | social worker visits | children's social care",
    source: "They come from children's social care records (the council's social care performance team).",
  },
  {
    id: 'transport',
    name: 'home-to-school transport',
    phrases:
      'transport | school transport | home to school transport | travel assistance | taxis | travel training | bus passes',
    exact: 'taxi',
    source: "They come from the council's home-to-school transport team.",
  },
  // Evidence the framework names (seed 004, "How will the local area measure impact and progress?") that is not a
  // figure the bot holds.
  {
    id: 'caseStudies',
    name: 'case studies',
    phrases: 'case studies | case study',
    source: "They come from the partnership's services, and are collected by its quality assurance group.",
  },
  {
    id: 'healthNeeds',
    name: 'comparative health data (the JSNA)',
    phrases: 'JSNA | joint strategic needs assessment | comparative health data',
    source: 'They are published by public health in the local Joint Strategic Needs Assessment.',
  },
  {
    id: 'safeguardingAudits',
    name: 'school safeguarding (section 11) audits',
    phrases: 'section 11 audit | section 11 audits | safeguarding audit | safeguarding audits',
    source: "They come from the safeguarding partnership's section 11 and schools' safeguarding audits.",
  },
  {
    id: 'workforce',
    name: 'staffing (vacancies, staff numbers, agency staff)',
    phrases:
      'vacancies | vacancy | staff numbers | staffing | staffing levels | number of staff | agency staff | recruitment | retention | staff turnover',
    source: "They come from the council's and the NHS trusts' workforce (HR) records.",
  },
];
