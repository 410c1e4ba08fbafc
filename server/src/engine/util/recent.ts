/**
 * Records `value` as the newest entry of `map` (a Map keeps insertion order) and drops the oldest
 * once there are more than `limit`: the last version of each of the files seen most recently.
 */
export function keepRecent<K, V>(map: Map<K, V>, key: K, value: V, limit: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > limit) map.delete(map.keys().next().value as K);
}
