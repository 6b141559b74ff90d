// AI coding agents sign their work with trailers (`Co-authored-by: Claude <noreply@anthropic.com>`)
// or commit under their own account. They are tools, not people: bots, whatever their subjects.
// Matched on the address the agent itself writes (exact, lowercased) or, for agents that commit
// through a GitHub account, on that account's noreply handle — never on a first name alone, so a
// person called Claude or Devin stays a person.
//   Claude Code   noreply@anthropic.com, claude@anthropic.com
//   GitHub Copilot  <n>+Copilot@users.noreply.github.com (handle `copilot`, `copilot-swe-agent`)
//   Cursor agent  cursoragent@cursor.com
//   Devin         devin-ai-integration[bot] (already a bot by `[bot]`), devin@cognition.ai, devin@cognition-labs.com
//   OpenAI Codex  codex@openai.com, noreply@openai.com (handle `chatgpt-codex-connector`)
//   Aider         noreply@aider.chat
//   Amp           amp@ampcode.com
//   OpenHands     openhands@all-hands.dev
//   Gemini        gemini-code-assist (handle), google-labs-jules (handle)
import { noreplyHandle } from './identity';

export const AGENT_EMAILS = new Set([
  'noreply@anthropic.com',
  'claude@anthropic.com',
  'cursoragent@cursor.com',
  'devin@cognition.ai',
  'devin@cognition-labs.com',
  'codex@openai.com',
  'noreply@openai.com',
  'noreply@aider.chat',
  'amp@ampcode.com',
  'openhands@all-hands.dev',
]);

export const AGENT_HANDLES = new Set([
  'copilot',
  'copilot-swe-agent',
  'chatgpt-codex-connector',
  'gemini-code-assist',
  'google-labs-jules',
  'claude',
]);

/** An AI agent's identity (lowercased, trimmed email). */
export function isAgent(email: string): boolean {
  if (AGENT_EMAILS.has(email)) return true;
  const handle = noreplyHandle(email)
    ?.toLowerCase()
    .replace(/\[bot\]$/, '');
  return handle !== undefined && AGENT_HANDLES.has(handle);
}
