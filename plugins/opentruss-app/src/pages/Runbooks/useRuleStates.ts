import { fetchRuleStates } from '../../api/alertStates';
import { useAsync } from '../../hooks/useAsync';

/** The OpenTruss rules' current states (loading, error or a map by alert name). */
export function useRuleStates() {
  return useAsync(fetchRuleStates);
}
