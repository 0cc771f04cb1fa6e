/** What the public may see: consented suggestions without any identity, and poll results. */
export interface ExportData {
  generatedAt: Date;
  suggestions: {
    ref: string;
    date: string;
    topic: string;
    text: string;
    area: string | null;
    industry: string | null;
    sizeBand: string | null;
    /** When it was sent (ISO 8601): orders the public page newest first and dates its feed. */
    createdAt?: string;
    /** The members' follow-up status; a suggestion without one counts as received. */
    status?: string;
    /** The members' public note ("you said, we did"). */
    note?: string | null;
  }[];
  polls: {
    id: number;
    question: string;
    closed: boolean;
    voters: number;
    /** When it was created (ISO 8601): which polls a period of the public page shows. */
    createdAt?: string;
    options: { label: string; votes: number }[];
  }[];
}
