/** `/poll help`, `/poll hjelp` or `/poll ?`: a request for the syntax, not a poll about "help". */
export function asksForPollHelp(text: string): boolean {
  return ['help', 'hjelp', '?', '--help'].includes(text.trim().toLowerCase());
}
