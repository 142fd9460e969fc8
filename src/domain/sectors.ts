/**
 * The sectors and services projects develop, grouped as users group them (shared domain brief).
 * Reference data: keys are stable and used in the API and the open-data export.
 */
export type SectorDefinition = {
  key: string;
  name: { fi: string; sv: string; en: string };
  services: { key: string; name: { fi: string; sv: string; en: string } }[];
};

export const SECTORS: SectorDefinition[] = [
  {
    key: 'education',
    name: { fi: 'Kasvatus ja koulutus', sv: 'Fostran och utbildning', en: 'Education and training' },
    services: [
      {
        key: 'early-childhood-education',
        name: {
          fi: 'Varhaiskasvatus ja esiopetus',
          sv: 'Småbarnspedagogik och förskoleundervisning',
          en: 'Early childhood and pre-primary education',
        },
      },
      { key: 'student-welfare-education', name: { fi: 'Opiskeluhuolto', sv: 'Elevhälsa', en: 'Student welfare' } },
      { key: 'basic-education', name: { fi: 'Perusopetus', sv: 'Grundläggande utbildning', en: 'Basic education' } },
      {
        key: 'preparatory-education',
        name: {
          fi: 'Tutkintoon valmentava koulutus',
          sv: 'Utbildning som handleder för examensutbildning',
          en: 'Preparatory education for a qualification',
        },
      },
      { key: 'upper-secondary', name: { fi: 'Toinen aste', sv: 'Andra stadiet', en: 'Upper secondary education' } },
    ],
  },
  {
    key: 'social-and-health',
    name: { fi: 'Sosiaali- ja terveydenhuolto', sv: 'Social- och hälsovård', en: 'Social and health care' },
    services: [
      {
        key: 'child-health-clinics',
        name: {
          fi: 'Neuvola ja perheneuvola',
          sv: 'Rådgivning och familjerådgivning',
          en: 'Child health clinics and family counselling',
        },
      },
      {
        key: 'student-welfare-health',
        name: { fi: 'Opiskeluhuolto', sv: 'Studerandevård', en: 'Student welfare (health care)' },
      },
      { key: 'child-welfare', name: { fi: 'Lastensuojelu', sv: 'Barnskydd', en: 'Child welfare' } },
      {
        key: 'substance-abuse-mental-health',
        name: {
          fi: 'Päihde- ja mielenterveyspalvelut',
          sv: 'Missbruks- och mentalvårdstjänster',
          en: 'Substance abuse and mental health services',
        },
      },
      {
        key: 'disability-services',
        name: { fi: 'Vammaispalvelut', sv: 'Funktionshinderservice', en: 'Disability services' },
      },
      {
        key: 'other-social-work',
        name: { fi: 'Muu sosiaalityö', sv: 'Annat socialt arbete', en: 'Other social work' },
      },
    ],
  },
  {
    key: 'leisure',
    name: { fi: 'Vapaa-ajan toiminta', sv: 'Fritidsverksamhet', en: 'Leisure activities' },
    services: [
      { key: 'sports-services', name: { fi: 'Liikuntapalvelut', sv: 'Idrottstjänster', en: 'Sports services' } },
      { key: 'hobby-organisations', name: { fi: 'Harrastustoimijat', sv: 'Hobbyaktörer', en: 'Hobby organisations' } },
      {
        key: 'volunteer-organisations',
        name: { fi: 'Vapaaehtoistoimijat', sv: 'Frivilligaktörer', en: 'Volunteer organisations' },
      },
      { key: 'parishes', name: { fi: 'Seurakunnat', sv: 'Församlingar', en: 'Parishes' } },
    ],
  },
];

/** A sector's or service's name ("Sector: service" for a service); an unknown key as it is. */
export function sectorLabel(key: string, language: 'fi' | 'sv' | 'en'): string {
  for (const sector of SECTORS) {
    if (sector.key === key) return sector.name[language];
    const service = sector.services.find((s) => s.key === key);
    if (service) return `${sector.name[language]}: ${service.name[language]}`;
  }
  return key;
}
