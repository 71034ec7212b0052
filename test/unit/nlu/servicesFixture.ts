import type { ServiceVocab } from '../../../src/understanding/understand.js';

/** The waiting-time services of the Written Statement of Action, shaped like seeds/services.json. */
export const SERVICES: ServiceVocab[] = [
  {
    id: 'salt',
    name: 'Speech and language therapy',
    shortName: 'SALT',
    aliases: ['speech and language', 'speech', 'SLT', 'SaLT', 'speech therapy', 'language therapy'],
  },
  { id: 'asd', name: 'Autism (ASD) assessment', shortName: 'ASD', aliases: ['autism', 'autistic', 'ASD assessment'] },
  { id: 'adhd', name: 'ADHD assessment', shortName: 'ADHD', aliases: ['attention deficit', 'ADHD'] },
  {
    id: 'nd',
    name: 'Neurodevelopmental pathway',
    shortName: 'ND',
    aliases: ['neurodevelopmental', 'neurodiversity', 'neurodivergent', 'ND pathway'],
  },
  {
    id: 'ehcna',
    name: 'EHC needs assessment',
    shortName: 'EHCNA',
    aliases: ['EHC needs assessment', 'EHCP assessment', 'needs assessment', 'EHC assessment'],
  },
];
