"""Guards: nothing personal, classified or external reaches what the site publishes."""
