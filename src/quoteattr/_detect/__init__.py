"""Step 1, detection: quoted spans in the plain text (marks, dash dialogue, pull-quotes)."""
