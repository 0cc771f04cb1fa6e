import { defineSection } from '../define.ts';

/** The terminal playground's own lines: its prompts, what it says when an answer does not fit, and its command list. */
export const playground = defineSection(
  {
    yesNo: '(j/n)',
    answerYesNo: 'Svar j (ja) eller n (nei), eller /avbryt.',
    pickNumber: (p: { max: number }) => `Velg et tall fra 1 til ${p.max}, trykk Enter for å hoppe over, eller /avbryt.`,
    cancelled: 'Avbrutt – ingenting ble lagret.',
    commands: '/stem [avstemning] <nr> · /steng · /gjenåpne · /avstemninger · /digest · /avbryt (i et skjema) · /avslutt',
    banner: (p: { cmd: string }) => `${p.cmd} hjelp · /avslutt`,
  },
  {
    yesNo: '(y/n)',
    answerYesNo: 'Answer y (yes) or n (no), or /cancel.',
    pickNumber: (p: { max: number }) => `Choose a number from 1 to ${p.max}, press Enter to skip, or /cancel.`,
    cancelled: 'Cancelled: nothing was saved.',
    commands: '/vote [poll] <no> · /close · /reopen · /polls · /digest · /cancel (in a form) · /quit',
    banner: (p: { cmd: string }) => `${p.cmd} help · /quit`,
  },
);
