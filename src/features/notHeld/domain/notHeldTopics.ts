/**
 * Subjects people ask the bot about that the partnership measures or reports but the bot holds no figures
 * for. Asked about one, the bot says so by name, and where such figures come from, rather than answering
 * with a figure for something else ("attainment results for SEN pupils" is not the survey's scores).
 *
 * `phrases` are what people type, matched as typed (plurals aside); `exact` lists short words and
 * abbreviations kept apart for readability. A subject the bot comes to hold
 * (a framework measure loaded for it) is removed from here: a held measure is always answered.
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
    id: 'attainment',
    name: 'education attainment and results (such as key stage 2 or GCSE results)',
    phrases:
      'attainment | attainment results | exam results | examination results | test results | SATs results | GCSE results | GCSEs | A level results | key stage 2 | key stage 4 | key stage results | KS2 | KS4 | KS2 results | KS4 results | progress 8 | attainment 8 | qualifications | grades',
    exact: 'SATs',
    source:
      "They come from the DfE's school performance tables and the national pupil database, which the council's education data team analyses for pupils with SEN.",
  },
  {
    id: 'spending',
    name: 'spending and finance (such as the high needs budget)',
    phrases:
      'spending | spent | finance | finances | financial | budget | budgets | high needs block | high needs budget | high needs funding | high needs deficit | budget deficit | overspend | funding | how much does it cost | how much do we spend',
    exact: 'cost | costs | money | spend',
    source:
      "They come from the council's finance team (high needs block budget monitoring and the DfE's section 251 returns).",
  },
  {
    id: 'placements',
    name: 'placements (such as independent, specialist or out-of-area school placements)',
    phrases:
      'placements | placement | out of area placements | out of area | independent placements | independent special schools | specialist placements | residential placements | special school places | school places | sufficiency | placed out of area',
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
    id: 'homeEducation',
    name: 'elective home education',
    phrases:
      'home education | elective home education | home educated | home educating | home schooled | home schooling | homeschooled | homeschooling',
    exact: 'EHE',
    source: "They come from the council's elective home education register (its EHE team).",
  },
  {
    id: 'partTimeTimetables',
    name: 'part-time and reduced timetables',
    phrases:
      'part time timetable | part time timetables | reduced timetable | reduced timetables | part time table | part time tables',
    source: "They come from schools' notifications to the council's inclusion or attendance team.",
  },
  {
    id: 'alternativeProvision',
    name: 'alternative provision (places, and returns to mainstream)',
    phrases:
      'alternative provision | alternative provisions | AP places | AP placements | pupil referral unit | pupil referral units | PRU | PRUs | return to mainstream | returns to mainstream',
    source: "They come from the council's alternative provision commissioning records and the school census.",
  },
  {
    id: 'inspections',
    name: 'inspection outcomes (Ofsted and CQC)',
    phrases:
      'Ofsted | Ofsted rating | Ofsted ratings | Ofsted results | Ofsted grades | CQC | inspection | inspections | inspection outcome | inspection outcomes | inspection results | area SEND inspection | ILACS',
    source: 'They are published by Ofsted and the CQC in their inspection reports.',
  },
  {
    id: 'socialCare',
    name: "children's social care (safeguarding referrals, child protection, children in need)",
    phrases:
      "safeguarding referrals | safeguarding referral | child protection | child protection plans | children in need | child in need | CIN | looked after children | children in care | social care referrals | social worker visits | children's social care",
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
    id: 'schoolReviews',
    name: "schools' SEND reviews and external quality marks",
    phrases:
      'School SEND Review | School SEND Reviews | quality mark | quality marks | external quality mark | quality mark validation',
    source: "They come from schools and the council's school improvement team.",
  },
  {
    id: 'destinations',
    name: 'destinations of young people with SEND (where they go after school or college)',
    phrases: 'destinations | destination data | destination measures | post 16 destinations | leaver destinations',
    source:
      "They come from the DfE's destination measures and the council's post-16 tracking (its NEET and participation team).",
  },
  {
    id: 'supportedLiving',
    name: 'independent or supported living at 25',
    phrases: 'supported living | living independently at 25 | independent living at 25',
    source: 'They come from adult social care and housing records.',
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
