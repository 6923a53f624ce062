package policy

// CachedFrontMatters is how many front matters' YAML c holds.
func CachedFrontMatters(c *Cache) int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.yaml)
}
