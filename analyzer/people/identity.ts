// One identity as history shows it: the (name, email) pairs a person id committed as.
export interface Identity {
  /** `name\x1femail` → commits with exactly this name and email. */
  pairs: Map<string, number>;
  commits: number;
  changes: number;
}
