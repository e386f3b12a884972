"""Step 5, the core: the steps run in order for either mode, and each quote attributed."""
