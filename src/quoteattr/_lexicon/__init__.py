"""The lexicon: every English word list, read once from the files in quoteattr/data."""
