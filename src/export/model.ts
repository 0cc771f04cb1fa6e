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
  }[];
  polls: {
    id: number;
    question: string;
    closed: boolean;
    voters: number;
    options: { label: string; votes: number }[];
  }[];
}
