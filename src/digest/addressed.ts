/**
 * Does a suggestion speak to the project group, asking for an answer or a call? A small set of
 * deterministic rules in Bokmål and English, so a member can see why a message was picked and a test
 * can measure how often the rules are right (test/core/addressed.test.ts prints the accuracy).
 */
export type AddressReason = 'question' | 'request' | 'contact' | 'phone' | 'email';

/** Letters on either side end a word; `\b` knows no "æøå". */
const words = (alternatives: string) => new RegExp(`(?<!\\p{L})(?:${alternatives})(?!\\p{L})`, 'iu');

/** Asking the group to do something: "kan dere", "could you". */
const REQUEST = words(
  [
    '(?:kan|kunne|vil|ville|bør|skal|må) (?:dere|du|prosjektgruppa|prosjektgruppen)',
    'har dere',
    'hva (?:mener|tenker|gjør|skjer) (?:dere|du)',
    'når (?:kommer|får|skal|blir) (?:dere|vi svar)',
    '(?:can|could|will|would) (?:you|the (?:project )?group)',
    'do you',
    'have you',
    'what (?:do|will) you',
    'when will (?:you|we hear)',
    'please (?:let (?:me|us) know|tell (?:me|us)|explain|answer)',
  ].join('|'),
);

/** Asking to be contacted: "ring meg", "ta kontakt", "call me", "get in touch". */
const CONTACT = words(
  [
    'ring (?:meg|oss)',
    'ta (?:gjerne )?kontakt(?: med (?:meg|oss))?',
    'kontakt (?:meg|oss)',
    'send (?:meg|oss) (?:en )?(?:e-?post|melding|svar)',
    'gi (?:meg|oss) (?:en )?(?:telefon|beskjed|tilbakemelding)',
    'vil gjerne (?:bli (?:ringt|kontaktet)|snakke med (?:dere|noen))',
    '(?:call|phone|ring|contact|email|e-mail) (?:me|us)',
    'give (?:me|us) a (?:call|ring)',
    'get in touch',
    'reach (?:me|us)',
    'would like to (?:talk|speak) (?:to|with) (?:you|someone)',
  ].join('|'),
);

/** Who a question is put to: the group, in the second person or by name. */
const TO_THE_GROUP = words('dere|deres|du|prosjektgruppa|prosjektgruppen|you|your|project group|the group');

/** A Norwegian phone number (8 digits, spaced or not, optionally +47) or any longer international one. */
const PHONE = /(?<![\d])(?:\+\d{2}[\s.-]?)?(?:\d[\s.-]?){7}\d(?![\d])/u;
const EMAIL = /[\p{L}\d._%+-]+@[\p{L}\d-]+(?:\.[\p{L}\d-]+)+/u;

/** The sentences ending in a question mark. */
const questions = (text: string) => text.match(/[^.!?\n]*\?/gu) ?? [];

/**
 * The reasons a suggestion is addressed to the group, empty when it is not. A phone number or e-mail
 * counts only in a message with a sender: in an anonymous one it cannot be answered and is not
 * shown as contact data.
 */
export function addressReasons(text: string, anonymous: boolean): AddressReason[] {
  const reasons: AddressReason[] = [];
  if (questions(text).some((q) => TO_THE_GROUP.test(q))) reasons.push('question');
  if (REQUEST.test(text)) reasons.push('request');
  if (CONTACT.test(text)) reasons.push('contact');
  if (!anonymous && PHONE.test(text)) reasons.push('phone');
  if (!anonymous && EMAIL.test(text)) reasons.push('email');
  return reasons;
}
