/**
 * Words of the SEND world people meet in the survey, the figures and the digest, explained in plain
 * English. `words` are what people type (matched as typed, plurals aside). A family may ask as well as
 * staff: nothing here is a figure.
 */
export type GlossaryEntry = { id: string; term: string; words: string; meaning: string };

export const GLOSSARY: readonly GlossaryEntry[] = [
  {
    id: 'ehcp',
    term: 'EHCP (Education, Health and Care plan)',
    words: 'EHCP | EHC plan | EHCPs | education health and care plan | education, health and care plan',
    meaning:
      'a legal document for a child or young person aged 0 to 25 with special educational needs. It describes their needs, the support they must get, and the outcomes they are working towards. It is reviewed at least once a year at the annual review.',
  },
  {
    id: 'ehcna',
    term: 'EHC needs assessment',
    words: 'EHC needs assessment | EHCNA | needs assessment | statutory assessment',
    meaning:
      'the assessment the council carries out to decide whether a child or young person needs an EHC plan. The law sets 20 weeks from the request to the final plan.',
  },
  {
    id: 'send',
    term: 'SEND',
    words: 'SEND | SEN | special educational needs',
    meaning: 'special educational needs and disabilities.',
  },
  {
    id: 'senSupport',
    term: 'SEN Support',
    words: 'SEN support',
    meaning:
      'help given in a nursery, school or college to a child or young person with special educational needs who does not have an EHC plan.',
  },
  {
    id: 'senco',
    term: 'SENCO',
    words: 'SENCO | SENCo | SENDCO',
    meaning:
      'the special educational needs co-ordinator: the teacher who organises support for pupils with SEND in a school.',
  },
  {
    id: 'salt',
    term: 'SALT',
    words: 'SALT | SLT | speech and language therapy',
    meaning:
      'speech and language therapy: help with talking, understanding, communicating, and eating and drinking safely.',
  },
  {
    id: 'ot',
    term: 'OT',
    words: 'OT | occupational therapy',
    meaning: 'occupational therapy: help with everyday activities, such as dressing, writing or moving around.',
  },
  {
    id: 'nd',
    term: 'ND (neurodevelopmental)',
    words: 'ND | neurodevelopmental | neurodevelopmental pathway | ND pathway | neurodiversity | neurodivergent',
    meaning:
      'about how the brain develops, for example autism or ADHD. The ND pathway is the route to an assessment for these.',
  },
  {
    id: 'asd',
    term: 'ASD (autism)',
    words: 'ASD | ASC | autism spectrum disorder | autism spectrum condition',
    meaning: 'autism: a difference in how a person communicates, interacts with others and experiences the world.',
  },
  {
    id: 'adhd',
    term: 'ADHD',
    words: 'ADHD | attention deficit hyperactivity disorder',
    meaning:
      'attention deficit hyperactivity disorder: finding it hard to concentrate, sit still or wait, more than others of the same age.',
  },
  {
    id: 'camhs',
    term: 'CAMHS',
    words: 'CAMHS | CYPMHS',
    meaning: "children and young people's mental health services.",
  },
  {
    id: 'annualReview',
    term: 'annual review',
    words: 'annual review | annual reviews',
    meaning:
      'the meeting at least once a year where the child or young person, their family, the school and others look at the EHC plan and whether it still meets their needs. This survey is asked at the annual review.',
  },
  {
    id: 'pfa',
    term: 'PfA (preparing for adulthood)',
    words: 'PfA | preparing for adulthood',
    meaning:
      'support, from Year 9 onwards, towards work or further study, living as independently as possible, friends and community, and good health.',
  },
  {
    id: 'ap',
    term: 'AP (alternative provision)',
    words: 'AP | alternative provision | PRU | pupil referral unit',
    meaning:
      'education away from a mainstream or special school, for example for a child who has been excluded or is too unwell to attend.',
  },
  {
    id: 'rag',
    term: 'RAG (red, amber, green)',
    words: 'RAG | RAG rating | red amber green | the colours | amber | amber rating | red rating | green rating',
    meaning:
      'how a figure compares with its target: green meets the target, amber is within 5 percentage points below it, red is further below. Figures without a target set by law or the framework are not rated.',
  },
  {
    id: 'localOffer',
    term: 'Local Offer',
    words: 'Local Offer',
    meaning:
      "the council's published information about the services and support for children and young people with SEND and their families.",
  },
  {
    id: 'tribunal',
    term: 'SEND Tribunal',
    words: 'tribunal | SEND tribunal | SENDIST',
    meaning:
      "the court that hears families' appeals against the council's decisions about EHC needs assessments and EHC plans.",
  },
  {
    id: 'mediation',
    term: 'mediation',
    words: 'mediation',
    meaning:
      'a meeting with an independent mediator to try to settle a disagreement with the council; it usually has to be considered before an appeal to the tribunal.',
  },
  {
    id: 'personalBudget',
    term: 'personal budget',
    words: 'personal budget | personal budgets | direct payment | direct payments',
    meaning:
      'an amount of money set aside to pay for some of the support in an EHC plan, which the family can have a say in how it is spent; paid to the family it is a direct payment.',
  },
  {
    id: 'shortBreaks',
    term: 'short breaks',
    words: 'short breaks | short break | respite',
    meaning:
      'time for disabled children and young people to do activities away from home, which also gives their carers a break.',
  },
  {
    id: 'outcomesFramework',
    term: 'Outcomes Framework',
    words: 'outcomes framework | the framework',
    meaning:
      "the partnership's way of checking whether life is getting better for children and young people with SEND and their families, through six outcomes: voice, progress, health, support, safe and future.",
  },
  {
    id: 'parentCarerForum',
    term: 'parent carer forum',
    words: 'parent carer forum | PCF',
    meaning:
      'a group of parents and carers of children with SEND who work with the council and the NHS to improve services.',
  },
  {
    id: 'eet',
    term: 'EET and NEET',
    words: 'EET | NEET | NEETs',
    meaning: 'in education, employment or training (EET), or not (NEET); used for young people aged 16 to 25.',
  },
];
