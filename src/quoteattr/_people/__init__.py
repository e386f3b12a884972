"""Step 4, people: who a mention names, resolved to one canonical name per person."""
