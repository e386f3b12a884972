"""Step 3, reported speech: which quoted stretches are quotes, and of which kind."""
