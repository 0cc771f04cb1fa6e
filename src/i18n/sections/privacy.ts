import { defineSection } from '../define.ts';

type Count = { count: string };

/** What the small-group rule and hidden results put in place of a number. */
export const privacy = defineSection(
  {
    fewerThan: (p: Count) => `færre enn ${p.count}`,
    otherGroups: 'Andre',
    resultsHidden: 'Resultatene vises når avstemningen er stengt.',
    resultsWithheld: (p: Count) => `Resultatene vises ikke før minst ${p.count} har stemt (anonym avstemning).`,
    replyWindowPassed: 'Avsenderen kan ikke lenger nås.',
  },
  {
    fewerThan: (p: Count) => `fewer than ${p.count}`,
    otherGroups: 'Other',
    resultsHidden: 'Results are shown when the poll has closed.',
    resultsWithheld: (p: Count) => `Results are not shown until at least ${p.count} have voted (anonymous poll).`,
    replyWindowPassed: 'The sender can no longer be reached.',
  },
);
