// Seed data for the August 2021 airlift from Kabul.
//
// Every number and date comes from one AFP dispatch of 22 August 2021 (in the project's shared
// reference folder); each row names who the dispatch attributes it to. Wording here is our own,
// apart from the short attributed quote of Josep Borrell.
//
// Instants are written with Kabul's offset (+04:30). Conventions (see README, "Time"):
// - a date-only as-of ("as of August 22") is the START of that day in Kabul: the figure counts
//   the full days before it, which is the reading most favourable to the goal;
// - a deadline date ("August 31") is the END of that day in Kabul, i.e. 1 September 00:00.

export const KABUL_DAY_START = (isoDate: string) => new Date(`${isoDate}T00:00:00+04:30`);

const afpDispatch = {
  publishedAt: KABUL_DAY_START('2021-08-22'),
  via: 'AFP',
  url: null,
} as const;

export const sources = {
  whiteHouseFigures: {
    ...afpDispatch,
    publisher: 'White House',
    title: 'Evacuations from Afghanistan since 14 August, as reported by AFP on 22 August 2021',
    quote: null,
  },
  bidenAdministrationGoals: {
    ...afpDispatch,
    publisher: 'Biden administration',
    title: 'US evacuation goals and the 31 August deadline, as reported by AFP on 22 August 2021',
    quote: null,
  },
  borrell: {
    ...afpDispatch,
    publisher: 'Josep Borrell, EU High Representative for Foreign Affairs',
    title: 'Borrell on the 60,000 goal, interview with AFP, 22 August 2021',
    quote: 'They want to evacuate 60,000 people by the end of the month. It’s mathematically impossible.',
  },
  ukMinistryOfDefence: {
    ...afpDispatch,
    publisher: 'UK Ministry of Defence',
    title: 'Deaths in the crowds at Kabul airport, as reported by AFP on 22 August 2021',
    quote: null,
  },
  ukPrimeMinister: {
    ...afpDispatch,
    publisher: 'UK Prime Minister Boris Johnson',
    title: 'G7 leaders to meet virtually on Afghanistan, as reported by AFP on 22 August 2021',
    quote: null,
  },
  afp: {
    ...afpDispatch,
    via: null,
    publisher: 'AFP',
    title: 'Chaos at Kabul airport as evacuations continue, AFP, 22 August 2021',
    quote: null,
  },
} as const;

export type SourceKey = keyof typeof sources;

export const operation = {
  slug: 'kabul-2021',
  name: 'Kabul airlift, August 2021',
  description:
    'Evacuation by US and allied military aircraft from Hamid Karzai International Airport after ' +
    'the Taliban took Kabul, against the United States’ deadline of 31 August 2021.',
  startsAt: KABUL_DAY_START('2021-08-14'),
  deadline: KABUL_DAY_START('2021-09-01'),
  timeZone: 'Asia/Kabul',
} as const;

export const groups = [
  { slug: 'all-evacuees', name: 'All evacuees', position: 0 },
  { slug: 'us-nationals', name: 'US nationals', position: 1 },
  { slug: 'afghans', name: 'Afghans and their families', position: 2 },
] as const;

export type GroupSlug = (typeof groups)[number]['slug'];

export const targets: { group: GroupSlug; low: number; high: number; source: SourceKey }[] = [
  // The whole-airlift goal as Borrell put it: the number his "mathematically impossible" is about.
  { group: 'all-evacuees', low: 60_000, high: 60_000, source: 'borrell' },
  { group: 'us-nationals', low: 10_000, high: 15_000, source: 'bidenAdministrationGoals' },
  { group: 'afghans', low: 50_000, high: 60_000, source: 'bidenAdministrationGoals' },
];

export const figures = [
  {
    group: 'all-evacuees' as GroupSlug,
    value: 25_100,
    asOf: KABUL_DAY_START('2021-08-22'),
    basisStart: KABUL_DAY_START('2021-08-14'),
    source: 'whiteHouseFigures' as SourceKey,
  },
];

export const statement = {
  group: 'all-evacuees' as GroupSlug,
  speaker: 'Josep Borrell',
  speakerRole: 'EU High Representative for Foreign Affairs and Security Policy',
  saidAt: KABUL_DAY_START('2021-08-22'),
  reportedAt: KABUL_DAY_START('2021-08-22'),
  quote: 'They want to evacuate 60,000 people by the end of the month. It’s mathematically impossible.',
  claimedGoal: 60_000,
  claimedBy: operation.deadline,
  stance: 'INFEASIBLE' as const,
  source: 'borrell' as SourceKey,
};

export const events: {
  kind: 'MILESTONE' | 'INCIDENT' | 'MEETING' | 'LOGISTICS';
  title: string;
  description: string | null;
  occurredAt: Date | null;
  reportedAt: Date;
  count: number | null;
  source: SourceKey;
}[] = [
  {
    kind: 'MILESTONE',
    title: 'Taliban enter Kabul',
    description: 'The Taliban took the capital without meeting resistance.',
    occurredAt: KABUL_DAY_START('2021-08-15'),
    reportedAt: KABUL_DAY_START('2021-08-22'),
    count: null,
    source: 'afp',
  },
  {
    kind: 'INCIDENT',
    title: 'Seven Afghans reported dead in the crowds at the airport',
    description: 'Reported on 22 August without saying when or in how many incidents.',
    occurredAt: null,
    reportedAt: KABUL_DAY_START('2021-08-22'),
    count: 7,
    source: 'ukMinistryOfDefence',
  },
  {
    kind: 'LOGISTICS',
    title: 'US requisitions private airliners for onward flights',
    description:
      'Civilian aircraft carry evacuees on from third countries such as Qatar and the United ' +
      'Arab Emirates; they do not fly from Kabul.',
    occurredAt: null,
    reportedAt: KABUL_DAY_START('2021-08-22'),
    count: null,
    source: 'afp',
  },
  {
    kind: 'MEETING',
    title: 'G7 leaders’ virtual meeting on Afghanistan',
    description: 'Announced on 22 August for Tuesday 24 August by the UK, holding the G7 presidency.',
    occurredAt: KABUL_DAY_START('2021-08-24'),
    reportedAt: KABUL_DAY_START('2021-08-22'),
    count: null,
    source: 'ukPrimeMinister',
  },
];
