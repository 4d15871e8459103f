package catalog

import "sync"

// arnCacheSize bounds how many resolutions a catalog remembers: far more
// than the distinct ARNs of any configuration, and a few megabytes at most.
const arnCacheSize = 4096

// arnCache remembers ARN resolutions, which every data source of a plan
// asks for again and again for the same instance ARNs. Resolutions are
// shared, so callers must not modify their slices. Once full, it stops
// remembering rather than evicting: resolution is correct either way.
type arnCache struct {
	mu      sync.RWMutex
	entries map[string]ARNResolution
}

func (c *arnCache) get(arn string) (ARNResolution, bool) {
	c.mu.RLock()
	defer c.mu.RUnlock()
	res, ok := c.entries[arn]
	return res, ok
}

func (c *arnCache) put(arn string, res ARNResolution) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = map[string]ARNResolution{}
	}
	if len(c.entries) < arnCacheSize {
		c.entries[arn] = res
	}
}
