// The users whose state an eligibility memo read again, in order
// (eligibility-memo.ts), so that what a rule keeps about its candidates between
// decisions (the ranking of methods/ranking.ts) updates those users alone. Each
// reader keeps its own position; positions older than the last LIMIT changes
// are forgotten, and a reader that far behind starts over.
const LIMIT = 4096;

export class StateChanges {
  private users: string[] = [];
  /** The position of `users[0]`. */
  private start = 0;

  /** The position after the last change. */
  get end(): number {
    return this.start + this.users.length;
  }

  add(user: string): void {
    this.users.push(user);
    if (this.users.length > 2 * LIMIT) {
      this.users = this.users.slice(LIMIT);
      this.start += LIMIT;
    }
  }

  /** The users changed from position `from` on (repeats possible); null when that is forgotten. */
  since(from: number): readonly string[] | null {
    if (from < this.start) return null;
    return this.users.slice(from - this.start);
  }
}
