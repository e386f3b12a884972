"""Step 2, cues: the words that mark speech ("said", "according to", a colon), and who they name."""
