// A team lookup restricted to delivery teams and memoized per key: the team-work passes ask it
// once per (change, file) and per author, tens of thousands of times on a year of history.
export function deliveryLookup(teamsOf: (key: string) => string[], delivery: Set<string>): (key: string) => string[] {
  const memo = new Map<string, string[]>();
  return (key) => {
    let out = memo.get(key);
    if (!out) {
      const all = teamsOf(key);
      out = all.every((t) => delivery.has(t)) ? all : all.filter((t) => delivery.has(t));
      memo.set(key, out);
    }
    return out;
  };
}
