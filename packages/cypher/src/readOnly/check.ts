import type { CheckOptions, ReadCheck } from './index';

// Placeholder while the parser is built: fails closed (refuses everything).
export function check(text: string, _options: CheckOptions): ReadCheck {
  return {
    ok: false,
    refusal: { kind: 'unsupported', clause: '', reason: 'the read-only checker is not built yet', start: 0, end: text.length },
  };
}
