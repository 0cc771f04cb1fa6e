import { defineSection } from '../define.ts';
import type { ErrorCode } from '../../errors.ts';
import type { PollSyntaxCode } from '../../polls/syntax.ts';
import { SEND_REFUSALS } from './surveys.ts';

type Params = Readonly<Record<string, string | number>>;
type Messages<K extends string> = Record<K, (p: Params) => string>;

const nbErrors: Messages<ErrorCode> = {
  suggestion_empty: () => 'Innspillet er tomt. Skriv hva du vil si etter kommandoen.',
  suggestion_too_long: (p) => `Innspillet er for langt (${p.length} tegn). Det kan være høyst ${p.max} tegn.`,
  unknown_topic: (p) => `Ukjent tema «${p.topic}».`,
  poll_not_found: () => 'Fant ikke avstemningen. Den kan være slettet.',
  poll_closed: () => 'Avstemningen er stengt, så stemmen ble ikke registrert.',
  poll_changed: () => 'Avstemningen er endret siden denne meldingen ble vist, så stemmen ble ikke registrert. Se den slik den er nå, og stem igjen.',
  poll_bad_option: () => 'Det svaret finnes ikke i avstemningen.',
  poll_other_workspace: () => 'Denne avstemningen hører til et annet arbeidsområde.',
  poll_invalid: (p) => `Avstemningen kan ikke lagres: ${p.reason}.`,
  poll_syntax: () => 'Avstemningen er ikke skrevet riktig.',
  poll_has_votes: () => 'Avstemningen har alt fått stemmer, så spørsmålet og svarene kan ikke endres. Du kan slette den og lage en ny.',
  not_allowed: () => 'Dette har du ikke lov til. Spør prosjektgruppen om du trenger det.',
  profile_invalid: (p) => `Profilen kan ikke lagres: ${p.field} er ikke gyldig.`,
  suggestion_not_found: () => 'Fant ikke innspillet.',
  not_reachable: () => 'Avsenderen kan ikke nås fra Slack eller Teams.',
  unknown_status: (p) => `Ukjent status «${p.status}». Velg mottatt, vurderes, anbefaling, ikke-fulgt-opp eller gjennomført.`,
  reason_too_long: (p) => `Begrunnelsen er for lang (${p.length} tegn). Den kan være høyst ${p.max} tegn.`,
  note_too_long: (p) => `Merknaden er for lang (${p.length} tegn). Den kan være høyst ${p.max} tegn.`,
  not_sender: () => 'Bare den som sendte innspillet, kan svare på det.',
  nobody_to_answer: () => 'Ingen i prosjektgruppen har svart på dette innspillet ennå, så det er ingen å svare.',
  reply_window_passed: (p) => `Innspillet er eldre enn ${p.days} dager, og den anonyme avsenderen kan ikke lenger nås.`,
  survey_not_found: () => 'Fant ikke undersøkelsen.',
  survey_closed: () => 'Undersøkelsen er stengt, så svaret ble ikke lagret.',
  survey_not_for_you: () => 'Denne undersøkelsen er ikke sendt til deg.',
  survey_invalid: (p) => `Undersøkelsen kan ikke sendes: ${SEND_REFUSALS.nb[String(p.reason)] ?? p.reason}.`,
};

const enErrors: Messages<ErrorCode> = {
  suggestion_empty: () => 'The suggestion is empty. Write what you want to say after the command.',
  suggestion_too_long: (p) => `The suggestion is too long (${p.length} characters). It can be at most ${p.max} characters.`,
  unknown_topic: (p) => `Unknown topic “${p.topic}”.`,
  poll_not_found: () => 'The poll was not found. It may have been deleted.',
  poll_closed: () => 'The poll is closed, so your vote was not recorded.',
  poll_changed: () => 'The poll was changed after this message was shown, so your vote was not recorded. See it as it is now, and vote again.',
  poll_bad_option: () => 'That answer is not part of the poll.',
  poll_other_workspace: () => 'This poll belongs to another workspace.',
  poll_invalid: (p) => `The poll cannot be saved: ${p.reason}.`,
  poll_syntax: () => 'The poll is not written correctly.',
  poll_has_votes: () => 'The poll already has votes, so its question and answers cannot be changed. You can delete it and make a new one.',
  not_allowed: () => 'You are not allowed to do this. Ask the project group if you need to.',
  profile_invalid: (p) => `The profile cannot be saved: ${p.field} is not valid.`,
  suggestion_not_found: () => 'The suggestion was not found.',
  not_reachable: () => 'The sender cannot be reached on Slack or Teams.',
  unknown_status: (p) => `Unknown status “${p.status}”. Choose received, considering, recommended, not-pursued or done.`,
  reason_too_long: (p) => `The reason is too long (${p.length} characters). It can be at most ${p.max} characters.`,
  note_too_long: (p) => `The note is too long (${p.length} characters). It can be at most ${p.max} characters.`,
  not_sender: () => 'Only the person who sent the suggestion can answer it.',
  nobody_to_answer: () => 'No one in the project group has answered this suggestion yet, so there is no one to answer.',
  reply_window_passed: (p) => `The suggestion is older than ${p.days} days, and its anonymous sender can no longer be reached.`,
  survey_not_found: () => 'The survey was not found.',
  survey_closed: () => 'The survey is closed, so your answer was not saved.',
  survey_not_for_you: () => 'This survey was not sent to you.',
  survey_invalid: (p) => `The survey cannot be sent: ${SEND_REFUSALS.en[String(p.reason)] ?? p.reason}.`,
};

const EXAMPLE_NB = 'Eksempel: /poll "Hvilken dag passer?" "Tirsdag" "Torsdag"';
const EXAMPLE_EN = 'Example: /poll "Which day suits you?" "Tuesday" "Thursday"';

const nbSyntax: Messages<PollSyntaxCode> = {
  no_question: () => `Avstemningen mangler spørsmål. ${EXAMPLE_NB}`,
  too_few_options: (p) => `En avstemning trenger minst ${p.min} svaralternativer (fant ${p.count}). ${EXAMPLE_NB}`,
  too_many_options: (p) => `En avstemning kan ha høyst ${p.max} svaralternativer (fant ${p.count}).`,
  duplicate_option: (p) => `Svaralternativet «${p.option}» står der to ganger.`,
  empty_text: () => 'Et spørsmål eller svar mellom anførselstegn er tomt.',
  unbalanced_quote: (p) => `Anførselstegnet ${p.quote} blir ikke lukket. Sett hvert spørsmål og svar i anførselstegn.`,
  text_outside_quotes: (p) => `«${p.text}» står utenfor anførselstegn. Sett spørsmålet og hvert svar i anførselstegn. ${EXAMPLE_NB}`,
  unknown_flag: (p) => `Ukjent valg ${p.flag}. Bruk --flere, --anonym, --skjult, --stenger, --stenger-om, --starter, --hver eller --alle.`,
  flag_needs_value: (p) => `${p.flag} trenger en tid, for eksempel --stenger 3d eller --stenger 2026-12-01 12:00.`,
  bad_close_time: (p) => `Forstår ikke tiden «${p.value}». Bruk for eksempel 30m, 2t, 3d, 1u eller 2026-12-01 12:00.`,
  question_too_long: (p) => `Spørsmålet er for langt; høyst ${p.max} tegn.`,
  option_too_long: (p) => `Svaret «${p.option}…» er for langt; høyst ${p.max} tegn.`,
  bad_start_time: (p) => `Forstår ikke tiden «${p.value}». Bruk for eksempel --starter 15.01.2027 09:00 eller --starter 2027-01-15T09:00.`,
  start_in_past: (p) => `Tiden ${p.when} har alt vært. Velg en tid fram i tid.`,
  closes_before_start: () => 'Avstemningen stenger før den legges ut. Velg en senere stengetid.',
  bad_cron: (p) => `Forstår ikke «${p.value}» som en gjentakelse. Bruk et cron-uttrykk i anførselstegn, for eksempel --hver "0 9 * * 1" (mandager kl. 09:00).`,
  cron_too_often: () => 'En gjentakende avstemning kan komme høyst én gang i timen.',
  remind_needs_everyone: () => 'Påminnelser går bare med avstemninger til alle (--alle): da vet boten hvem som ikke har stemt.',
  remind_after_close: () => 'En påminnelse kommer etter at avstemningen stenger. Velg en kortere tid.',
};

const enSyntax: Messages<PollSyntaxCode> = {
  no_question: () => `The poll has no question. ${EXAMPLE_EN}`,
  too_few_options: (p) => `A poll needs at least ${p.min} answers (found ${p.count}). ${EXAMPLE_EN}`,
  too_many_options: (p) => `A poll can have at most ${p.max} answers (found ${p.count}).`,
  duplicate_option: (p) => `The answer “${p.option}” is there twice.`,
  empty_text: () => 'A question or answer between quotes is empty.',
  unbalanced_quote: (p) => `The quote ${p.quote} is never closed. Put the question and each answer in quotes.`,
  text_outside_quotes: (p) => `“${p.text}” is outside quotes. Put the question and each answer in quotes. ${EXAMPLE_EN}`,
  unknown_flag: (p) => `Unknown option ${p.flag}. Use --multiple, --anonymous, --hidden, --closes, --close-in, --at, --every or --everyone.`,
  flag_needs_value: (p) => `${p.flag} needs a time, for example --closes 3d or --closes 2026-12-01 12:00.`,
  bad_close_time: (p) => `Cannot read the time “${p.value}”. Use for example 30m, 2h, 3d, 1w or 2026-12-01 12:00.`,
  question_too_long: (p) => `The question is too long; at most ${p.max} characters.`,
  option_too_long: (p) => `The answer “${p.option}…” is too long; at most ${p.max} characters.`,
  bad_start_time: (p) => `Cannot read the time “${p.value}”. Use for example --at 15.01.2027 09:00 or --at 2027-01-15T09:00.`,
  start_in_past: (p) => `${p.when} has already passed. Choose a time in the future.`,
  closes_before_start: () => 'The poll would close before it is posted. Choose a later closing time.',
  bad_cron: (p) => `Cannot read “${p.value}” as a repeat. Use a cron expression in quotes, for example --every "0 9 * * 1" (Mondays at 09:00).`,
  cron_too_often: () => 'A recurring poll can come at most once an hour.',
  remind_needs_everyone: () => 'Reminders go only with polls to everyone (--everyone): then the bot knows who has not voted.',
  remind_after_close: () => 'A reminder would come after the poll closes. Choose a shorter time.',
};

export const errors = defineSection({ codes: nbErrors, pollSyntax: nbSyntax }, { codes: enErrors, pollSyntax: enSyntax });
